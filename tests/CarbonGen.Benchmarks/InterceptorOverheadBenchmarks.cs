using System.Diagnostics;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;

namespace CarbonGen.Benchmarks;

/// <summary>
/// What tracking adds to a call: an empty [Carbon] method (called through its generated interceptor)
/// against a bare pair of Stopwatch.GetTimestamp() calls, the least any timing of a call can cost.
/// </summary>
[Config(typeof(MicroBenchmarkConfig))]
public class InterceptorOverheadBenchmarks
{
    [Benchmark(Baseline = true, Description = "Stopwatch.GetTimestamp() pair")]
    public long TimestampPair() => Stopwatch.GetTimestamp() - Stopwatch.GetTimestamp();

    [Benchmark(Description = "empty method, untracked")]
    public void Untracked() => Empty.Untracked();

    [Benchmark(Description = "empty [Carbon] method (intercepted)")]
    public void Tracked() => Empty.Tracked();
}

internal static class Empty
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Untracked()
    {
    }

    [Carbon]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Tracked()
    {
    }
}
