using System;
using System.Collections.Generic;
using System.Threading;
using BenchmarkDotNet.Attributes;
using CarbonGen.Runtime;
using CarbonGen.Runtime.Attribution;

namespace CarbonGen.Benchmarks;

/// <summary>
/// One read of the method CPU sampler (every thread that ran a tracked method, each inside one here):
/// at the default interval of 100 ms the sampler reads ten times a second, so the fraction of one core
/// it costs is 10 × (time per read) / 1 s.
/// </summary>
[Config(typeof(MicroBenchmarkConfig))]
public class SamplerCostBenchmarks
{
    private readonly List<Thread> _threads = [];
    private readonly ManualResetEventSlim _release = new(false);

    [Params(4, 32)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var method = MethodRegistry.Register("Benchmarks.Sampled", "Benchmarks", "Sampled", null, 0);

        // The benchmark drives the sampler itself: stop the background loop the first tracked call started.
        MethodCpuSampler.Shared.Stop();
        using var ready = new CountdownEvent(Threads);
        for (var i = 0; i < Threads; i++)
        {
            var thread = new Thread(() =>
            {
                var frame = CarbonRuntime.Enter(method);
                ready.Signal();
                _release.Wait();
                frame.Exit(completed: true);
            }) { IsBackground = true };
            _threads.Add(thread);
            thread.Start();
        }

        ready.Wait();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _release.Set();
        _threads.ForEach(t => t.Join());
    }

    [Benchmark(Description = "one read of every tracked thread's CPU time")]
    public void Sample() => MethodCpuSampler.Shared.Sample();
}
