using Newtonsoft.Json.Linq;

namespace MagBot.Dialogs.Engine;

/// <summary>
/// One entry on the dialog stack, as stored in conversation state. <see cref="State"/> is the
/// dialog's own typed state serialized as JSON; dialogs read and write it through
/// <see cref="DialogContext.GetState{T}"/> and <see cref="DialogContext.SetState{T}"/>, never by key.
/// </summary>
public sealed class DialogInstance
{
    public string Id { get; set; } = string.Empty;
    public JObject State { get; set; } = [];
}
