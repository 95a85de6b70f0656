namespace MagBot.Extensions;

/// <summary>Host settings (section <c>MagBot</c>).</summary>
public sealed class MagBotHostOptions
{
    public const string SectionName = "MagBot";

    /// <summary>Allow running with no <c>MicrosoftAppId</c> outside Development (for a trusted network only).</summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>In anonymous mode, reply addresses other than loopback that the bot may send to.</summary>
    public List<string> AllowedServiceUrls { get; set; } = [];

    /// <summary>Origins of clinic web sites (<c>https://www.example-clinic.org</c>) allowed to call the web chat
    /// endpoints from their own pages (CORS) and to use the Direct Line tokens the service hands out.</summary>
    public List<string> ClinicOrigins { get; set; } = [];

    /// <summary>Adds where the process's memory is to <c>/healthz</c> (<see cref="MemoryReadout"/>): for a soak or an
    /// operator's check, off by default.</summary>
    public bool MemoryDiagnostics { get; set; }
}
