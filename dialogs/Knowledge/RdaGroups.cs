namespace MagBot.Dialogs.Knowledge;

/// <summary>The groups the RDA table distinguishes; also the values of the "which applies to you" choice.</summary>
public static class RdaGroups
{
    public const string Children = "children";
    public const string Female = "female";
    public const string Male = "male";
    public const string Pregnant = "pregnant";
    public const string Breastfeeding = "breastfeeding";

    /// <summary>The user preferred not to say: MagBot shows the female–male range.</summary>
    public const string Unspecified = "unspecified";

    public static readonly IReadOnlyList<string> InTable = [Children, Female, Male, Pregnant, Breastfeeding];

    /// <summary>Age from which the table has separate rows by sex.</summary>
    public const int SeparateFromAge = 14;
}
