namespace MagBot.Security;

/// <summary>Why the edge refused a request, as an HTTP status and a ProblemDetails title and detail that
/// say what to fix. Never contains the request's content.</summary>
public sealed record EdgeRejection(int Status, string Title, string Detail, TimeSpan? RetryAfter = null)
{
    public IResult ToResult(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (RetryAfter is { } wait)
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(detail: Detail, statusCode: Status, title: Title);
    }
}
