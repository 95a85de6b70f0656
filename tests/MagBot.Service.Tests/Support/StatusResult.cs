using Microsoft.AspNetCore.Http;

namespace MagBot.Service.Tests.Support;

/// <summary>A scripted connector answer: a status code, optionally with Retry-After in seconds.</summary>
public sealed class StatusResult(int statusCode, int? retryAfterSeconds = null) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => statusCode;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = statusCode;
        if (retryAfterSeconds is { } seconds) httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Task.CompletedTask;
    }
}
