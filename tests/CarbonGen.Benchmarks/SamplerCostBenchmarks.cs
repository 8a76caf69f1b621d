using BenchmarkDotNet.Attributes;
using CarbonGen.Runtime.Attribution;

namespace CarbonGen.Benchmarks;

/// <summary>
/// One read of the method CPU sampler with 4 and 32 busy threads, each spinning inside tracked methods
/// (<see cref="BusyTrackedThreads"/>), so each read reads every thread's CPU time and charges it to methods.
/// At the default interval of 100 ms the sampler reads ten times a second, so a read of time t costs
/// about 10 × t per second of run.
/// </summary>
/// <remarks>
/// The time per read is wall time on the benchmark's thread: where the busy threads outnumber the cores,
/// it includes waits for a core, so it is an upper bound on the CPU time a read costs.
/// <see cref="SamplerCostPerSecondBenchmarks"/> measures the sampler thread's own CPU time directly.
/// </remarks>
[Config(typeof(MicroBenchmarkConfig))]
public class SamplerCostBenchmarks
{
    private BusyTrackedThreads? _busy;

    /// <summary>Busy tracked threads.</summary>
    [Params(4, 32)]
    public int Threads { get; set; }

    /// <summary>Stops the background sampler (the benchmark reads itself) and starts the busy threads.</summary>
    [GlobalSetup]
    public void Setup()
    {
        MethodCpuSampler.Shared.Stop();
        _busy = new BusyTrackedThreads(Threads);

        // The first read opens a handle per thread; the benchmark times the reads after it.
        MethodCpuSampler.Shared.Sample();
    }

    /// <summary>Stops the busy threads.</summary>
    [GlobalCleanup]
    public void Cleanup() => _busy?.Dispose();

    /// <summary>One read of every tracked thread's CPU time, charged to the methods on its stack.</summary>
    [Benchmark(Description = "one read of every busy tracked thread's CPU time")]
    public void Sample() => MethodCpuSampler.Shared.Sample();
}
