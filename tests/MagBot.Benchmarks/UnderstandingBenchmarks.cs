using BenchmarkDotNet.Attributes;
using MagBot.Cli;
using MagBot.Dialogs.Safety;
using MagBot.Dialogs.Understanding;
using Microsoft.Extensions.DependencyInjection;

namespace MagBot.Benchmarks;

/// <summary>
/// One message through the whole understanding step, as the bot runs it on every message: the safety screen,
/// the intent, the medicines named, and a dose. Services come from the same wiring as the bot; everything
/// is built and warmed up before measuring (the service does that at start-up).
/// </summary>
[PerOperationJob]
[MemoryDiagnoser]
public class UnderstandingBenchmarks
{
    private ServiceProvider _services = null!;
    private ISafetyScreen _safety = null!;
    private IIntentRecognizer _intents = null!;
    private IMedicationFinder _medications = null!;
    private QuantityRecognizer _quantities = null!;

    [Params(
        "does mag help my fibro?",
        "i take norvasc and hctz, is 400 mg of magnesium ok",
        "what foods have the most magnesium in them, I'd rather not take pills")]
    public string Message { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _services = InProcessBot.Create();
        _safety = _services.GetRequiredService<ISafetyScreen>();
        _intents = _services.GetRequiredService<IIntentRecognizer>();
        _medications = _services.GetRequiredService<IMedicationFinder>();
        _quantities = _services.GetRequiredService<QuantityRecognizer>();
        _quantities.WarmUp();
        _ = Understand();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Description = "understanding step")]
    public object Understand()
    {
        var alert = _safety.Screen(Message);
        var intent = _intents.Recognize(Message);
        var medicines = _medications.FindCanonicalNames(Message);
        var dose = _quantities.DoseMilligrams(Message);
        return (alert, intent, medicines, dose);
    }

    [Benchmark(Description = "intent only")]
    public IntentResult Intent() => _intents.Recognize(Message);
}
