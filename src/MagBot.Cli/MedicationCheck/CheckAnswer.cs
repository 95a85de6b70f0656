namespace MagBot.Cli.MedicationCheck;

/// <summary>
/// One labelled answer to the medication check's question, from a <c>expected&lt;TAB&gt;text</c> file:
/// the medicines a careful reader finds (US generic names in lower case, <c>magnesium:FORM</c> for the person's
/// own magnesium product, a lay word such as <c>water pill</c>), empty when the line says <c>none</c>.
/// </summary>
public sealed record CheckAnswer(string Text, IReadOnlyList<string> Expected, int Line)
{
    public const string OwnMagnesiumPrefix = "magnesium:";

    public IEnumerable<string> ExpectedMedicines => Expected.Where(e => !IsOwnMagnesium(e));

    public IEnumerable<string> ExpectedMagnesium => Expected.Where(IsOwnMagnesium);

    public static bool IsOwnMagnesium(string name) => name.StartsWith(OwnMagnesiumPrefix, StringComparison.Ordinal);

    /// <summary>Reads the file; a line that is not <c>expected TAB text</c> stops with its number.</summary>
    public static IReadOnlyList<CheckAnswer> Load(string path)
    {
        var answers = new List<CheckAnswer>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0) throw new FormatException($"{path}:{lineNo}: expected 'names<TAB>text'.");
            var labels = line[..tab].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(l => l.ToLowerInvariant()).Where(l => l != "none").Distinct().ToList();
            answers.Add(new CheckAnswer(line[(tab + 1)..], labels, lineNo));
        }
        return answers;
    }
}
