using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace MagBot.Service.Tests.Support;

/// <summary>
/// Serves every response with a strict Content-Security-Policy (scripts from the page's own origin only, no eval,
/// no inline script), so the browser test proves the page runs under one whatever the host itself sends.
/// Web Chat injects its styles at run time, hence style-src 'unsafe-inline'.
/// </summary>
public sealed class StrictContentSecurityPolicy : IStartupFilter
{
    public const string Policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, inner) =>
        {
            http.Response.OnStarting(() =>
            {
                if (!http.Response.Headers.ContainsKey("Content-Security-Policy")) http.Response.Headers.ContentSecurityPolicy = Policy;
                return Task.CompletedTask;
            });
            return inner(http);
        });
        next(app);
    };
}
