using Microsoft.Bot.Builder;

namespace MagBot.Service.Tests.Support;

/// <summary>
/// Reading Bot Framework state that survives the save. MagBot's stores keep JSON without type names (type
/// names in stored JSON are an unsafe-deserialization hole), so a property read back from the store is a
/// <c>JObject</c>, and <c>BotState</c> hands out a fresh <c>ToObject&lt;T&gt;()</c> copy that it does not keep:
/// changes to that copy are silently lost at <c>SaveChangesAsync</c>. Setting the copy back attaches it
/// (what MagBotActivityHandler does for the conversation's data).
/// </summary>
public static class StatePropertyAccessorExtensions
{
    /// <summary>Gets the property (creating it with <paramref name="create"/> when absent) as an object whose
    /// changes are saved with the state.</summary>
    public static async Task<T> GetForUpdateAsync<T>(this IStatePropertyAccessor<T> accessor, ITurnContext turnContext, Func<T> create, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accessor);
        var value = await accessor.GetAsync(turnContext, create, cancellationToken).ConfigureAwait(false);
        await accessor.SetAsync(turnContext, value, cancellationToken).ConfigureAwait(false);
        return value;
    }
}
