using MagBot.Dialogs.Insights;
using MagBot.Dialogs.Understanding;
using MagBot.Dialogs.Understanding.Classification;

namespace MagBot.Cli.Unanswered;

/// <summary>A group of similar kept questions: how many, one that stands for them, and up to three others.</summary>
public sealed record QuestionGroup(int Count, string Representative, IReadOnlyList<string> Examples, IReadOnlyList<string> Topics);

/// <summary>
/// Groups kept questions that ask the same thing in other words, so a content reviewer sees the most asked first.
/// Each question becomes its set of content words (the normalizer's words, plurals folded, common function words and
/// the redaction placeholders left out); a question joins the group it shares the most words with (Jaccard similarity,
/// best match over the group's members) when that reaches the threshold, else starts a group.
/// </summary>
public static class QuestionGrouper
{
    public const double DefaultThreshold = 0.5;

    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "is", "are", "was", "were", "be", "been", "am", "do", "does", "did", "i", "me", "my", "you", "your",
        "it", "its", "to", "of", "in", "on", "at", "for", "with", "and", "or", "but", "if", "so", "that", "this", "there",
        "what", "which", "who", "how", "why", "when", "where", "can", "could", "should", "would", "will", "shall", "may",
        "might", "must", "have", "has", "had", "get", "got", "any", "some", "about", "from", "by", "as", "than", "then",
        "please", "tell", "know", "want", "need", "just", "also", "too", "very", "really", "much", "many", "there", "here",
        "email", "link", "phone", "number", "name",
    };

    public static IReadOnlyList<QuestionGroup> Group(IEnumerable<UnansweredQuestion> questions, double threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var groups = new List<List<(UnansweredQuestion Question, HashSet<string> Words)>>();
        foreach (var q in questions.OrderBy(q => q.At))
        {
            var words = ContentWords(q.Text);
            var best = groups.Count == 0 ? default : groups.Select(g => (Group: g, Score: g.Max(m => Similarity(m.Words, words)))).MaxBy(x => x.Score);
            if (best.Group is not null && best.Score >= threshold) best.Group.Add((q, words));
            else groups.Add([(q, words)]);
        }
        return [.. groups
            .Select(g =>
            {
                // The member most like the others stands for the group.
                var representative = g.MaxBy(m => g.Sum(o => Similarity(m.Words, o.Words))).Question.Text;
                var examples = g.Select(m => m.Question.Text).Where(t => t != representative).Distinct(StringComparer.OrdinalIgnoreCase).Take(3).ToList();
                var topics = g.Select(m => m.Question.Topic).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                return new QuestionGroup(g.Count, representative, examples, topics);
            })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Representative, StringComparer.Ordinal)];
    }

    public static HashSet<string> ContentWords(string text) =>
        [.. TextNormalizer.Words(text).Select(Stem).Where(w => w.Length > 1 && !FunctionWords.Contains(w))];

    // The intent model's plural folding leaves short words alone ("dogs"); for grouping, "dog" and "dogs" are one word.
    private static string Stem(string word)
    {
        var folded = MessageWords.FoldPlural(word);
        return folded.Length > 3 && folded[^1] == 's' && folded[^2] is not ('s' or 'u' or 'i') ? folded[..^1] : folded;
    }

    public static double Similarity(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 && b.Count == 0) return 1;
        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }
}
