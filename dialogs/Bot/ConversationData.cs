using MagBot.Dialogs.Engine;
using Newtonsoft.Json;

namespace MagBot.Dialogs.Bot;

/// <summary>
/// Everything MagBot keeps about one conversation, stored in Bot Framework <c>ConversationState</c>.
/// <see cref="Version"/> lets a later build recognise state written by an older one: a version it
/// cannot read restarts the conversation politely instead of failing (see <see cref="ConversationRunner"/>).
/// What is unset is not written (every turn saves this; a check with seven medicines stays within 1 KB).
/// </summary>
public sealed class ConversationData
{
    /// <summary>Bump when the shape changes in a way older state cannot be read as.
    /// 2: a waiting prompt keeps content keys, not rendered texts (issue 18).</summary>
    public const int CurrentVersion = 2;

    public int Version { get; set; } = CurrentVersion;

    /// <summary>True once the welcome has been sent, so channels that announce a join twice greet once.</summary>
    public bool Welcomed { get; set; }

    /// <summary>The active dialogs, bottom first: the engine's part of the state. The runner hands this list (and nothing
    /// else of this class) to the <see cref="DialogContext"/>; the rest is the application's own.</summary>
    public List<DialogInstance> Stack { get; set; } = [];

    /// <summary>A flow the user left for a side question; offered back when the side question ends.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public List<DialogInstance>? Suspended { get; set; }

    /// <summary>The last sourced answer (its content key and topic): what the feedback command rates.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public Feedback.FeedbackTarget? LastSourced { get; set; }

    /// <summary>The topic (intent) asked for before the person agreed to the terms, started once they agree.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? PendingTopic { get; set; }

    /// <summary>The turns of the current conversation in which a clarifying question was asked (for "which did you mean").</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public List<string>? PendingClarification { get; set; }
}
