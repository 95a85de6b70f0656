namespace MagBot.Dialogs.Bot;

/// <summary>The terms a person agreed to, kept with their user state (so "forget me" erases it with the rest).</summary>
public sealed class ConsentRecord
{
    /// <summary>The <see cref="ClinicOptions.ConsentVersion"/> they agreed to; a newer version asks again.</summary>
    public string? Version { get; set; }
}
