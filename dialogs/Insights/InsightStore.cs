using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MagBot.Dialogs.Insights;

/// <summary>
/// The unanswered questions and feedback comments a clinic chose to keep (<see cref="InsightsOptions"/>), redacted, in
/// the same <see cref="IStorage"/> as conversation state (memory or Redis), as one item under <see cref="StorageKey"/>
/// so <c>magbot unanswered</c> can read them all without listing keys. Writes are ETag-checked and retried, so two
/// instances adding at once lose nothing. Expired items are dropped on every write and ignored on every read.
/// </summary>
public sealed class InsightStore(IStorage storage, IOptions<InsightsOptions> options, TimeProvider time, ILogger<InsightStore> logger)
{
    /// <summary>The storage key (under Redis's <c>Storage:KeyPrefix</c>).</summary>
    public const string StorageKey = "magbot/insights";

    private const int Attempts = 5;

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
        DateParseHandling = DateParseHandling.DateTimeOffset,
    });

    public InsightsOptions Options => options.Value;

    public Task AddUnansweredAsync(InsightOwner owner, string redactedText, string kind, string topic, CancellationToken cancellationToken = default) =>
        UpdateAsync(log => Append(log.Unanswered, new UnansweredQuestion
        {
            Text = Clip(redactedText), Kind = kind, Topic = topic, At = time.GetUtcNow(), Owner = owner.Conversation, Person = owner.Person,
        }), cancellationToken);

    public Task AddCommentAsync(InsightOwner owner, string redactedText, string rating, string contentKey, string topic, CancellationToken cancellationToken = default) =>
        UpdateAsync(log => Append(log.Comments, new FeedbackComment
        {
            Text = Clip(redactedText), Rating = rating, ContentKey = contentKey, Topic = topic, At = time.GetUtcNow(), Owner = owner.Conversation, Person = owner.Person,
        }), cancellationToken);

    /// <summary>How many kept items are this person's.</summary>
    public async Task<InsightCounts> CountAsync(InsightOwner owner, CancellationToken cancellationToken = default)
    {
        var (log, _) = await ReadLogAsync(cancellationToken).ConfigureAwait(false);
        if (log is null) return InsightCounts.None;
        return new(log.Unanswered.Count(q => owner.Owns(q.Owner, q.Person)), log.Comments.Count(c => owner.Owns(c.Owner, c.Person)));
    }

    /// <summary>Forget me: removes every kept item of this conversation or person.</summary>
    public Task ForgetAsync(InsightOwner owner, CancellationToken cancellationToken = default) =>
        UpdateAsync(log =>
        {
            var removed = log.Unanswered.RemoveAll(q => owner.Owns(q.Owner, q.Person)) + log.Comments.RemoveAll(c => owner.Owns(c.Owner, c.Person));
            return removed > 0;
        }, cancellationToken);

    /// <summary>Everything kept and not expired (for the CLI).</summary>
    public async Task<InsightLog> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        var (log, _) = await ReadLogAsync(cancellationToken).ConfigureAwait(false);
        return log ?? new InsightLog();
    }

    private bool Append<T>(List<T> items, T item)
    {
        items.Add(item);
        var over = items.Count - Math.Max(1, Options.MaxItems);
        if (over > 0) items.RemoveRange(0, over);
        return true;
    }

    private async Task UpdateAsync(Func<InsightLog, bool> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (log, etag) = await ReadLogAsync(cancellationToken).ConfigureAwait(false);
            log ??= new InsightLog();
            if (!change(log)) return;
            var item = JObject.FromObject(log, Serializer);
            // The first write has nothing to compare with (the stores have no create-only write): a list two instances
            // create in the same instant keeps one of them. Every later write is ETag-checked.
            item["eTag"] = etag ?? "*";
            try
            {
                await storage.WriteAsync(new Dictionary<string, object> { [StorageKey] = item }, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (attempt < Attempts && IsETagConflict(e))
            {
                logger.LogDebug("Insight list changed by another writer; retrying ({Attempt})", attempt);
            }
        }
    }

    private async Task<(InsightLog? Log, string? ETag)> ReadLogAsync(CancellationToken cancellationToken)
    {
        var items = await storage.ReadAsync([StorageKey], cancellationToken).ConfigureAwait(false);
        if (!items.TryGetValue(StorageKey, out var value) || value is null) return (null, null);
        var json = value as JObject ?? JObject.FromObject(value, Serializer);
        var etag = json.Value<string>("eTag");
        json.Remove("eTag");
        InsightLog? log;
        try
        {
            log = json.ToObject<InsightLog>(Serializer);
        }
        catch (JsonException)
        {
            logger.LogWarning("The kept insight list could not be read; starting a new one");
            log = null;
        }
        log ??= new InsightLog();
        var oldest = time.GetUtcNow() - Options.Retention;
        log.Unanswered.RemoveAll(q => q.At < oldest);
        log.Comments.RemoveAll(c => c.At < oldest);
        return (log, etag);
    }

    // MagBot.Storage raises ETagConflictException, Bot Framework's MemoryStorage a plain Exception saying "Etag conflict".
    private static bool IsETagConflict(Exception e) =>
        e.GetType().Name.Contains("ETag", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("etag conflict", StringComparison.OrdinalIgnoreCase);

    private static string Clip(string text) => text.Length <= InsightsOptions.MaxTextLength ? text : text[..InsightsOptions.MaxTextLength];
}
