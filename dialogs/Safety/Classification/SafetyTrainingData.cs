using MagBot.Dialogs.Understanding.Labelled;

namespace MagBot.Dialogs.Safety.Classification;

/// <summary>
/// The labelled phrasings <see cref="SafetyModel"/> learns from: the files under dialogs/Safety/Data (one message per
/// line, <c>label&lt;TAB&gt;text</c>, English and Spanish), plus every example of the intent training split as ordinary
/// talk. The held-out sets under tests/safety are never read here.
/// </summary>
public static class SafetyTrainingData
{
    public const string ResourcePrefix = "MagBot.Safety.Data.";

    /// <summary>Every embedded example.</summary>
    public static IReadOnlyList<(string Text, string Label)> LoadEmbedded()
    {
        var assembly = typeof(SafetyTrainingData).Assembly;
        var examples = new List<(string, string)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            examples.AddRange(Parse(reader.ReadToEnd(), name[ResourcePrefix.Length..]));
        }
        examples.AddRange(NluDataFile.LoadTraining().Utterances.Select(u => (u.Text, SafetyCategories.Ordinary)));
        return examples;
    }

    /// <summary>Reads <c>label&lt;TAB&gt;text</c> lines; blank lines and lines starting with # are skipped. A bad line fails
    /// with the file and line named.</summary>
    public static IEnumerable<(string Text, string Label)> Parse(string tsv, string fileName)
    {
        var lineNo = 0;
        foreach (var line in tsv.Split('\n'))
        {
            lineNo++;
            var trimmed = line.TrimEnd('\r');
            if (trimmed.Length == 0 || trimmed.StartsWith('#')) continue;
            var tab = trimmed.IndexOf('\t');
            if (tab <= 0 || tab == trimmed.Length - 1)
                throw new FormatException($"{fileName}:{lineNo}: expected 'label<TAB>text'.");
            yield return (trimmed[(tab + 1)..], trimmed[..tab].Trim());
        }
    }

    // Training is deterministic and the examples are embedded: one model per process serves every bot built in it.
    private static readonly Lazy<SafetyModel> Embedded = new(() => SafetyModel.Train(LoadEmbedded()));

    /// <summary>The model trained on every embedded example (trained once per process, on first use).</summary>
    public static SafetyModel TrainEmbedded() => Embedded.Value;
}
