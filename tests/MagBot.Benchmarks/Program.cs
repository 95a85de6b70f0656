using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using MagBot.Benchmarks;

// dotnet run -c Release --project tests/MagBot.Benchmarks -- --filter '*'
// (see README.md; figures in RESULTS.md)
var config = DefaultConfig.Instance
    .AddColumn(StatisticColumn.Median, new PercentileColumn(99))
    .WithOptions(ConfigOptions.JoinSummary);
BenchmarkSwitcher.FromAssembly(typeof(UnderstandingBenchmarks).Assembly).Run(args, config);
