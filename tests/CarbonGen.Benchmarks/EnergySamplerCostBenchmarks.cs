using System;
using BenchmarkDotNet.Attributes;
using CarbonGen.Configuration;
using CarbonGen.Measurement;

namespace CarbonGen.Benchmarks;

/// <summary>
/// One sample of the energy sampler, as its background loop takes it: every energy source in use reads
/// its counter or integrates its model, the meter reads <c>/proc/stat</c> and <c>/proc/self/stat</c> for
/// the process's share, and the history records the total. The sources are this machine's own (RAPL
/// where the kernel exposes it, else the TDP and RAM models over the real procfs); the global setup
/// prints which ones, as <c>// energy sources: ...</c>. At the default interval of 15 s a sample of time t
/// costs t / 15 s of one core.
/// </summary>
/// <remarks>
/// The sampler is private to the benchmark and never started, so its loop does not run; the meter is
/// started directly. Millions of samples fill the history, so its compactions are part of the figure,
/// as in a long-running service.
/// </remarks>
[Config(typeof(MicroBenchmarkConfig))]
public class EnergySamplerCostBenchmarks
{
    private EnergySampler? _sampler;

    /// <summary>A sampler over this machine's sources, its meter started.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var settings = MeasurementSettings.FromSettings(CarbonTracker.Settings, CarbonLog.Warn);
        _sampler = new EnergySampler(EnergyMeter.Create(settings), settings.SamplingInterval);
        _sampler.Meter.Start(EnergySampler.MonotonicSeconds());
        _sampler.SampleNow();
        Console.WriteLine($"// energy sources: {_sampler.Meter.Snapshot().EnergySource}");
    }

    /// <summary>Closes the sources.</summary>
    [GlobalCleanup]
    public void Cleanup() => _sampler?.Dispose();

    /// <summary>One sample of every source in use and of procfs, recorded in the history.</summary>
    [Benchmark(Description = "one energy sample (sources, procfs, history)")]
    public void Sample() => _sampler!.SampleNow();
}
