using BenchmarkDotNet.Attributes;
using MagBot.Dialogs.Understanding;
using MagBot.Dialogs.Understanding.Labelled;

namespace MagBot.Benchmarks;

/// <summary>Training the intent recognizer on the embedded split: what start-up pays, once per process.</summary>
[PerOperationJob(iterations: 15, warmups: 2)]
public class TrainingBenchmarks
{
    private NluDataFile _training = null!;

    [GlobalSetup]
    public void Setup() => _training = NluDataFile.LoadTraining();

    [Benchmark(Description = "train intent recognizer")]
    public IntentRecognizer Train() => new(_training, NoMedicationFinder.Instance);
}
