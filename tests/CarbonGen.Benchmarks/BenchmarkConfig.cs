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

    /// <summary>
    /// Every job of these benchmarks runs in-process, the class's own job as much as one named on the
    /// command line (<c>--job dry</c> for a smoke run).
    /// </summary>
    internal static Job InProcess { get; } = new Job("InProcess").WithToolchain(InProcessEmitToolchain.Instance).AsMutator();
}

/// <summary>
/// Nanosecond-scale benchmarks: BenchmarkDotNet's default job, run in-process. A job named on the command
/// line replaces it (the job is a default one), so <c>--job dry</c> is a smoke run and nothing more.
/// </summary>
public sealed class MicroBenchmarkConfig : ManualConfig
{
    public MicroBenchmarkConfig()
    {
        AddJob(Job.Default.AsDefault());
        AddJob(BenchmarkConfig.InProcess);
    }
}

/// <summary>
/// Benchmarks of a second or so per operation: one operation per iteration, a few iterations, in-process.
/// A job named on the command line replaces it, as for <see cref="MicroBenchmarkConfig"/>.
/// </summary>
public sealed class MacroBenchmarkConfig : ManualConfig
{
    public MacroBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(10)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .AsDefault());
        AddJob(BenchmarkConfig.InProcess);
    }
}
