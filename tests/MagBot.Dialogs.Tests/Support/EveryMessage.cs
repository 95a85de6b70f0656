using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Safety;
using MagBot.Dialogs.Tests.Bot;
using MagBot.Dialogs.Tests.Safety;
using MagBot.Dialogs.Tests.Transcripts;
using MagBot.Dialogs.Tests.Understanding;
using MagBot.Dialogs.Understanding.Labelled;

namespace MagBot.Dialogs.Tests.Support;

/// <summary>
/// Every message the test project and MagBot's data hold, for tests that hold a fast path to its reference: the
/// labelled files (training, held out, medications), the red-flag phrasings both sides and the recorded decisions,
/// the transcripts' user steps, hostile inputs, every wording and medicine spelling in the content, each also
/// lightly changed (upper case, extra punctuation, a sentence added, a negation in front) so the paths differ.
/// </summary>
public static class EveryMessage
{
    private static readonly Lazy<IReadOnlyList<string>> OriginalTexts = new(Collect);
    private static readonly Lazy<IReadOnlyList<string>> AllTexts = new(() => [.. OriginalTexts.Value.SelectMany(WithVariants).Distinct(StringComparer.Ordinal)]);

    /// <summary>The messages as written.</summary>
    public static IReadOnlyList<string> Originals => OriginalTexts.Value;

    /// <summary>The messages as written and each of their <see cref="Variants"/>.</summary>
    public static IReadOnlyList<string> WithPerturbations => AllTexts.Value;

    /// <summary>Simple changes that a person makes and that take other paths through normalizing and matching.</summary>
    public static IEnumerable<string> Variants(string text) =>
    [
        text.ToUpperInvariant(),
        "..." + text.Replace(" ", ", ", StringComparison.Ordinal) + "?!!",
        text + ". What foods have magnesium?",
        text + " Also my fibro is bad and I take amlodipine 5 mg",
        text + ". I want to kill myself",
        "I don't have " + text,
    ];

    private static IEnumerable<string> WithVariants(string text) => Variants(text).Prepend(text);

    private static List<string> Collect()
    {
        var content = ContentCatalog.LoadEmbedded();
        var texts = new List<string>();
        texts.AddRange(NluDataFile.LoadTraining().Utterances.Select(u => u.Text));
        texts.AddRange(LabelledData.HeldOut.Utterances.Select(u => u.Text));
        texts.AddRange(LabelledData.Medications.Medications.Select(m => m.Text));
        texts.AddRange(RedFlagPhrasings.Alarms.Select(a => a.Text));
        texts.AddRange(RedFlagPhrasings.Calm);
        texts.AddRange(RedFlagRuleSet.Embedded.Decisions.Select(d => d.Phrase));
        texts.AddRange(TranscriptTests.Scripts.Values.SelectMany(steps => steps).Where(s => s != EmulatorTranscript.JoinStep));
        texts.AddRange(HostileTextTests.Payloads);
        texts.AddRange(HostileTextTests.OddInputs().Select(row => (string)row[1]));
        texts.AddRange(content.Entries.Select(e => e.Text));
        texts.AddRange(MedicationLexicon.LoadEmbedded(content).Names.Select(n => n.Spelling));
        return [.. texts.Distinct(StringComparer.Ordinal)];
    }
}
