using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace MagBot.Benchmarks;

/// <summary>
/// One operation per measured iteration, so the percentiles are of single operations (what a user waits
/// for), not of averages over thousands of them. Operations here take tens of microseconds or more, far
/// above the timer's resolution.
/// </summary>
public sealed class PerOperationJobAttribute : Attribute, IConfigSource
{
    public PerOperationJobAttribute(int iterations = 2000, int warmups = 200)
    {
        Config = ManualConfig.CreateEmpty().AddJob(Job.Default
            .WithId("PerOperation")
            .WithLaunchCount(1)
            .WithWarmupCount(warmups)
            .WithIterationCount(iterations)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            // In-process: no generated child project to build (its build timed out on this shared machine).
            .WithToolchain(InProcessEmitToolchain.Instance));
    }

    public IConfig Config { get; }
}
