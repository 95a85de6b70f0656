using Microsoft.Bot.Builder;

namespace MagBot.Dialogs.Engine;

/// <summary>
/// How dialogs speak. The engine knows neither the wording nor the channel: it asks for the words of a key and hands
/// a question with its buttons to the application, which renders and sends it. The application's dialogs send their
/// own richer replies through the same implementation.
/// </summary>
public interface IDialogReplies
{
    /// <summary>The words of <paramref name="key"/>, with <c>{name}</c> placeholders filled from <paramref name="args"/>.</summary>
    string Text(string key, IReadOnlyDictionary<string, string?>? args = null);

    /// <summary>Sends <paramref name="text"/> with <paramref name="buttons"/> (each button sends its own title).</summary>
    Task SendAsync(ITurnContext turn, string text, IReadOnlyList<string> buttons, CancellationToken cancellationToken = default);
}
