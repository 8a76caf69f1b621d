using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using CarbonGen.Measurement;
using CarbonGen.Runtime.Attribution;

namespace CarbonGen.Benchmarks;

/// <summary>
/// CPU time the method CPU sampler's thread consumes per second of run, at the configured interval
/// (100 ms by default), with 4 and 32 busy tracked threads (<see cref="BusyTrackedThreads"/>): the figure
/// the target "under 0.2 % of one core" is about.
/// </summary>
/// <remarks>
/// <para>Each operation starts a sampler of its own on its dedicated background thread, waits for its
/// first read (thread start, first handle opens and first compilation are once per process, not per
/// second), then reads that thread's CPU time from <c>/proc/self/task/&lt;tid&gt;/schedstat</c>
/// (<see cref="MethodCpuSampler.ThreadId"/>, <see cref="ThreadCpuReader"/>), lets it run for 2 s of wall
/// time, reads it again and stops the sampler. CPU time, unlike wall time, does not grow while the thread
/// waits for a core, so the figure holds on a machine with fewer cores than busy threads.</para>
/// <para>BenchmarkDotNet's time per operation is just the 2 s. The figure is printed by the global
/// cleanup, one line per thread count starting <c>// sampler thread CPU</c>: the median and the largest
/// over every run BenchmarkDotNet made (warm-up ones included: the first reads of a process run
/// unoptimised code, so the largest is the cautious figure), with the reads a second and the CPU per read
/// as a check against <see cref="SamplerCostBenchmarks"/>.</para>
/// </remarks>
[Config(typeof(MacroBenchmarkConfig))]
public class SamplerCostPerSecondBenchmarks
{
    private static readonly TimeSpan s_run = TimeSpan.FromSeconds(2);

    private readonly List<(double CpuSeconds, long Reads, double WallSeconds)> _runs = [];
    private BusyTrackedThreads? _busy;

    /// <summary>Busy tracked threads.</summary>
    [Params(4, 32)]
    public int Threads { get; set; }

    private static TimeSpan Interval => TimeSpan.FromMilliseconds(CarbonTracker.Settings.MethodSamplingIntervalMilliseconds);

    /// <summary>Stops the shared background sampler (each run starts its own) and starts the busy threads.</summary>
    [GlobalSetup]
    public void Setup()
    {
        MethodCpuSampler.Shared.Stop();
        _runs.Clear();
        _busy = new BusyTrackedThreads(Threads);
    }

    /// <summary>Prints the sampler thread's CPU per second of run, then stops the busy threads.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _busy?.Dispose();
        if (_runs.Count == 0)
        {
            return;
        }

        var perSecond = _runs.Select(r => r.CpuSeconds / r.WallSeconds).Order().ToArray();
        var median = perSecond[perSecond.Length / 2];
        var reads = _runs.Sum(r => r.Reads);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// sampler thread CPU, {Threads} busy tracked threads, interval {Interval.TotalMilliseconds:0.#} ms: " +
            $"median {median * 1e3:0.000} ms per s of run = {median * 100:0.0000} % of one core, largest {perSecond[^1] * 100:0.0000} % " +
            $"({_runs.Count} runs of {s_run.TotalSeconds:0} s; {reads / _runs.Sum(r => r.WallSeconds):0.0} reads/s, " +
            $"{_runs.Sum(r => r.CpuSeconds) / Math.Max(1, reads) * 1e6:0.0} µs CPU per read)"));
    }

    /// <summary>One run of 2 s with a sampler at the configured interval; its thread's CPU time is recorded.</summary>
    [Benchmark(Description = "2 s of run with the method CPU sampler at its interval")]
    public void Run()
    {
        var sampler = new MethodCpuSampler(Interval);
        sampler.EnsureStarted();
        try
        {
            var wait = Stopwatch.StartNew();
            while (sampler.Samples == 0 || sampler.ThreadId <= 0)
            {
                if (wait.Elapsed > TimeSpan.FromSeconds(30))
                {
                    throw new InvalidOperationException("The sampler thread did not start reading (no procfs?): its CPU time cannot be measured here.");
                }

                Thread.Sleep(1);
            }

            var tid = sampler.ThreadId;
            var cpuBefore = ThreadCpuReader.ReadOnce(tid);
            var readsBefore = sampler.Samples;
            var wall = Stopwatch.StartNew();
            Thread.Sleep(s_run);
            var cpuAfter = ThreadCpuReader.ReadOnce(tid);
            var readsAfter = sampler.Samples;
            var wallSeconds = wall.Elapsed.TotalSeconds;
            if (cpuBefore == 0 || cpuAfter < cpuBefore)
            {
                throw new InvalidOperationException($"The sampler thread's CPU time could not be read from /proc/self/task/{tid}/schedstat.");
            }

            _runs.Add(((cpuAfter - cpuBefore) / 1e9, readsAfter - readsBefore, wallSeconds));
        }
        finally
        {
            sampler.Stop();
        }
    }
}
