using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace MagBot.Security;

/// <summary>
/// The rate limit policy for endpoints a browser calls directly (the Direct Line token endpoint, the local web
/// chat endpoints): per client address, <see cref="EdgeLimitsOptions.BrowserRequestsPerMinute"/> a minute.
/// Attach it with <c>.RequireRateLimiting(BrowserRateLimit.PolicyName)</c>. Never on <c>/api/messages</c>:
/// there every request comes from the channel's few addresses. Behind a reverse proxy, configure forwarded
/// headers so the client address is the browser's, not the proxy's.
/// </summary>
public static class BrowserRateLimit
{
    public const string PolicyName = "browser";

    public static void AddPolicy(RateLimiterOptions options, EdgeLimitsOptions limits)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(limits);
        options.AddPolicy(PolicyName, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limits.BrowserRequestsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = async (context, cancellationToken) =>
        {
            var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
            await new EdgeRejection(StatusCodes.Status429TooManyRequests, "Too many requests",
                    "This address is calling faster than MagBot:Limits:BrowserRequestsPerMinute allows; wait and try again.", wait)
                .ToResult(context.HttpContext).ExecuteAsync(context.HttpContext).ConfigureAwait(false);
        };
    }
}
