using MagBot.Security;
using MagBot.Dialogs.Bot;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace MagBot.DirectLine;

/// <summary>
/// The subset of the Direct Line 3.0 REST API that Web Chat's DirectLine client (botframework-directlinejs)
/// uses with polling: start a conversation, post an activity, get activities since a watermark, generate and
/// refresh tokens. It is mapped only when no <c>DirectLine:Secret</c> is configured, so the page works on a
/// laptop with no Azure account. The bot behind it is the real one (<see cref="EmbeddedDirectLineAdapter"/>).
/// </summary>
public static class EmbeddedDirectLineEndpoints
{
    public const string Prefix = "/v3/directline";

    /// <summary>Direct Line accepts activities of up to 256 KB; the page sends a few hundred bytes.</summary>
    private const int MaxActivityBytes = 64 * 1024;

    private static readonly JsonSerializerSettings Json = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.None,
        MaxDepth = 32,
    };

    public static RouteGroupBuilder MapEmbeddedDirectLine(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix);
        // Token endpoints take the per-address browser limit; the polling and posting endpoints do not
        // (Web Chat polls twice a second, and each conversation is already limited by its token).
        group.MapPost("/tokens/generate", GenerateToken).RequireRateLimiting(BrowserRateLimit.PolicyName);
        group.MapPost("/tokens/refresh", (HttpContext http, EmbeddedDirectLineStore store) =>
            store.Refresh(BearerToken(http)) is { } token ? Results.Ok(token) : Forbidden()).RequireRateLimiting(BrowserRateLimit.PolicyName);
        group.MapPost("/conversations", StartConversation);
        group.MapGet("/conversations/{conversationId}", StartConversation);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        group.MapGet("/conversations/{conversationId}/activities", GetActivities);
        return group;
    }

    private static IResult GenerateToken(EmbeddedDirectLineStore store) =>
        store.StartConversation() is { } token ? Results.Ok(token) : Full();

    /// <summary>Web Chat starts with a token; the conversation is the one that token was issued for.</summary>
    private static IResult StartConversation(HttpContext http, EmbeddedDirectLineStore store, string? conversationId = null)
    {
        var token = BearerToken(http);
        var conversation = store.Find(token);
        if (conversation is null || (conversationId is not null && conversationId != conversation.Id)) return Forbidden();
        var body = store.TokenFor(conversation, token!);
        return http.Request.Method == HttpMethods.Post ? Results.Created($"{Prefix}/conversations/{conversation.Id}", body) : Results.Ok(body);
    }

    private static async Task<IResult> PostActivityAsync(
        HttpContext http, string conversationId, EmbeddedDirectLineStore store, EmbeddedDirectLineAdapter adapter,
        MagBotActivityHandler bot, IHostApplicationLifetime lifetime, TimeProvider time)
    {
        var conversation = store.Find(BearerToken(http));
        if (conversation is null || conversation.Id != conversationId) return Forbidden();

        var (activity, problem) = await ReadActivityAsync(http.Request).ConfigureAwait(false);
        if (activity is null) return problem!;

        // The token decides who is speaking, as with Direct Line tokens bound to a user id.
        activity.From = new ChannelAccount(conversation.UserId, activity.From?.Name, RoleTypes.User);
        activity.Recipient = new ChannelAccount("magbot", "MagBot", RoleTypes.Bot);
        activity.Conversation = new ConversationAccount(id: conversation.Id);
        activity.ChannelId = EmbeddedDirectLineAdapter.ChannelId;
        activity.ServiceUrl = $"{http.Request.Scheme}://{http.Request.Host}";
        activity.Timestamp = time.GetUtcNow();
        activity.DeliveryMode = null;
        // Direct Line echoes the user's activity into the stream; Web Chat waits for that echo
        // (matched by channelData.clientActivityID) to show the message as sent.
        var id = conversation.Append(activity, time.GetUtcNow());

        // Like Direct Line, which answers after the bot acknowledged the turn: the page keeps polling
        // meanwhile, so typing indicators and replies show up while the turn runs. The turn is not tied to
        // the request, so a closed tab does not leave half-saved state.
        await adapter.ProcessAsync(conversation, activity, bot, lifetime.ApplicationStopping).ConfigureAwait(false);
        return Results.Ok(new ResourceResponse(id));
    }

    private static IResult GetActivities(HttpContext http, string conversationId, string? watermark, EmbeddedDirectLineStore store)
    {
        var conversation = store.Find(BearerToken(http));
        if (conversation is null || conversation.Id != conversationId) return Forbidden();
        var since = long.TryParse(watermark, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var w) ? w : 0;
        var (activities, next) = conversation.Since(since);
        var set = new DirectLineActivitySet([.. activities], next.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Results.Text(JsonConvert.SerializeObject(set, Json), "application/json");
    }

    private static async Task<(Activity? Activity, IResult? Problem)> ReadActivityAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxActivityBytes) return (null, Results.Problem("The activity is larger than 64 KB.", statusCode: StatusCodes.Status413PayloadTooLarge));
        var buffer = new char[MaxActivityBytes + 1];
        using var reader = new StreamReader(request.Body);
        var read = await reader.ReadBlockAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (read > MaxActivityBytes) return (null, Results.Problem("The activity is larger than 64 KB.", statusCode: StatusCodes.Status413PayloadTooLarge));
        Activity? activity;
        try
        {
            activity = JsonConvert.DeserializeObject<Activity>(new string(buffer, 0, read), Json);
        }
        catch (JsonException)
        {
            return (null, BadRequest("The body is not a JSON activity."));
        }
        if (activity is null) return (null, BadRequest("The body is not a JSON activity."));
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.Event))
            return (null, BadRequest("Only 'message' and 'event' activities can be posted here."));
        return (activity, null);
    }

    private static string? BearerToken(HttpContext http) => BearerHeader.TokenOf(http.Request);

    private static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);

    private static ProblemHttpResult Forbidden() =>
        TypedResults.Problem("The token is missing, expired, or not for this conversation. Get a new one from POST /api/directline/token.", statusCode: StatusCodes.Status403Forbidden);

    private static ProblemHttpResult Full() =>
        TypedResults.Problem("Too many open conversations right now; try again in a few minutes.", statusCode: StatusCodes.Status429TooManyRequests);
}
