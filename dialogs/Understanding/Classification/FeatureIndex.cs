namespace MagBot.Dialogs.Understanding.Classification;

/// <summary>Feature names to dense column numbers, fixed after training; unseen features are ignored at prediction.</summary>
internal sealed class FeatureIndex
{
    private readonly Dictionary<string, int> _columns;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _byText;

    public FeatureIndex()
    {
        _columns = new Dictionary<string, int>(StringComparer.Ordinal);
        _byText = _columns.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _columns.Count;

    public int Add(string feature)
    {
        if (_columns.TryGetValue(feature, out var column)) return column;
        column = _columns.Count;
        _columns[feature] = column;
        return column;
    }

    public bool Knows(string feature) => _columns.ContainsKey(feature);

    /// <summary>The feature names in column order (for writing a trained model).</summary>
    public string[] Names()
    {
        var names = new string[_columns.Count];
        foreach (var (name, column) in _columns) names[column] = name;
        return names;
    }

    /// <summary>The column of a feature written in a buffer, without making a string of it; -1 when unseen.</summary>
    public int ColumnOf(ReadOnlySpan<char> feature) => _byText.TryGetValue(feature, out var column) ? column : -1;

    public (int Column, double Value)[] Sparse(IReadOnlyDictionary<string, double> features)
    {
        var list = new List<(int, double)>(features.Count);
        foreach (var (name, value) in features)
        {
            if (_columns.TryGetValue(name, out var column)) list.Add((column, value));
        }
        return [.. list];
    }

    public static double[] Softmax(double[] logits)
    {
        var max = logits.Max();
        var exp = logits.Select(l => Math.Exp(l - max)).ToArray();
        var sum = exp.Sum();
        return [.. exp.Select(e => e / sum)];
    }

    public static IReadOnlyList<(string Intent, double Score)> Ranked(IReadOnlyList<string> classes, double[] probabilities) =>
        [.. classes.Select((c, i) => (c, probabilities[i])).OrderByDescending(p => p.Item2)];
}
