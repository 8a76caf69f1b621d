using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace CarbonGen.Benchmarks;

/// <summary>The default configuration with allocation figures; each benchmark class picks its job.</summary>
internal static class BenchmarkConfig
{
    public static IConfig Create() => DefaultConfig.Instance.AddDiagnoser(MemoryDiagnoser.Default);
}

/// <summary>Nanosecond-scale benchmarks: BenchmarkDotNet's default job, run in-process.</summary>
public sealed class MicroBenchmarkConfig : ManualConfig
{
    public MicroBenchmarkConfig() => AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance));
}

/// <summary>Benchmarks of a second or so per operation: one operation per iteration, a few iterations.</summary>
public sealed class MacroBenchmarkConfig : ManualConfig
{
    public MacroBenchmarkConfig() => AddJob(Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithStrategy(RunStrategy.Monitoring)
        .WithLaunchCount(1)
        .WithWarmupCount(2)
        .WithIterationCount(10)
        .WithInvocationCount(1)
        .WithUnrollFactor(1));
}
