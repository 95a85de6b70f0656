namespace MagBot.Dialogs.Engine;

/// <summary>The dialogs a conversation can use, by id.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    public DialogSet(IEnumerable<Dialog> dialogs)
    {
        foreach (var d in dialogs) Add(d);
    }

    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (!_dialogs.TryAdd(dialog.Id, dialog))
            throw new InvalidOperationException($"A dialog with the id '{dialog.Id}' was added twice. Dialog ids must be unique.");
        return this;
    }

    public bool Contains(string id) => _dialogs.ContainsKey(id);

    public Dialog Find(string id) =>
        _dialogs.TryGetValue(id, out var d) ? d
        : throw new InvalidOperationException($"A dialog with the id '{id}' wasn't found. Register it in AddMagBotConversation() so the DialogSet holds it.");

    public IEnumerable<Dialog> All => _dialogs.Values;
}
