namespace MagBot.Dialogs.Knowledge;

/// <summary>
/// One thing MagBot can say. A <c>fact</c> is a health statement and must name at least one source
/// and a review date; a <c>response</c> is conversational wording (greetings, prompts) with no health claim.
/// </summary>
public sealed record ContentEntry(
    string Key,
    string Text,
    IReadOnlyList<string> Sources,
    DateOnly? Reviewed,
    string File)
{
    public bool IsFact => Sources.Count > 0;
}

/// <summary>A citable source: a fact sheet, a trial, a guideline.</summary>
public sealed record ContentSource(string Id, string Title, string Publisher, string? Url, string? Citation, DateOnly? Accessed);

/// <summary>A content file or entry is wrong. The message names the file and the entry, so a reviewer can fix it.</summary>
public sealed class ContentValidationException(string message) : Exception(message);
