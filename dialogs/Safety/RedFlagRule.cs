using MagBot.Dialogs.Understanding;

namespace MagBot.Dialogs.Safety;

/// <summary>One red flag from <c>red-flags.yaml</c>: what it recognises, which category of urgent reply
/// it calls for, and the sources that make it a red flag.</summary>
public sealed record RedFlagRule(PhraseRule Phrases, RedFlagCategory Category, IReadOnlyList<string> Sources)
{
    public string Id => Phrases.Id;
}

/// <summary>A kind of urgent reply (emergency, stroke, crisis…). <see cref="Priority"/> 0 is sent first
/// when one message raises several.</summary>
public sealed record RedFlagCategory(string Name, string ReplyKey, int Priority);

/// <summary>A phrasing whose outcome was decided on purpose and recorded in the rules file with the reason,
/// for example an idiom ("this migraine is killing me") that must not raise an alarm.</summary>
public sealed record RedFlagDecision(string Phrase, string? Category, string Why)
{
    public bool Alarm => Category is not null;
}
