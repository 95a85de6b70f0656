using MagBot.Extensions;
using Microsoft.Extensions.Options;

namespace MagBot.Security;

/// <summary>Start-up validation of <c>MagBot:ClinicOrigins</c>, naming each bad entry; registered once, with the binding.</summary>
public sealed class ClinicOriginsValidator : IValidateOptions<MagBotHostOptions>
{
    public ValidateOptionsResult Validate(string? name, MagBotHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = ClinicOrigins.Problems(options.ClinicOrigins).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
