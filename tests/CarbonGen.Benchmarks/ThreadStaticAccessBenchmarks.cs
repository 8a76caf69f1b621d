using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;

namespace CarbonGen.Benchmarks;

/// <summary>
/// Why the interceptor reaches its thread's counters through a thread-static pointer: the same
/// timestamp pair as <see cref="InterceptorOverheadBenchmarks"/>, plus one read and write of the thread's
/// state through a thread-static object reference, or through a thread-static pointer alone in its type.
/// </summary>
[Config(typeof(MicroBenchmarkConfig))]
public class ThreadStaticAccessBenchmarks
{
    [Benchmark(Baseline = true, Description = "Stopwatch.GetTimestamp() pair")]
    public long TimestampPair() => Stopwatch.GetTimestamp() - Stopwatch.GetTimestamp();

    [Benchmark(Description = "pair + thread-static object reference")]
    public long ThroughReference() => ThreadState.ThroughReference();

    [Benchmark(Description = "pair + thread-static pointer")]
    public long ThroughPointer() => ThreadState.ThroughPointer();
}

internal static class ThreadState
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long ThroughReference()
    {
        var box = ReferenceHolder.Value ??= new Box();
        var elapsed = -Stopwatch.GetTimestamp() + Stopwatch.GetTimestamp();
        box.Ticks += elapsed;
        return elapsed;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static unsafe long ThroughPointer()
    {
        var ticks = PointerHolder.Value;
        if (ticks == null)
        {
            ticks = PointerHolder.Allocate();
        }

        var elapsed = -Stopwatch.GetTimestamp() + Stopwatch.GetTimestamp();
        *ticks += elapsed;
        return elapsed;
    }

    private sealed class Box
    {
        public long Ticks;
    }

    private static class ReferenceHolder
    {
        [ThreadStatic]
        public static Box? Value;
    }

    private static unsafe class PointerHolder
    {
        [ThreadStatic]
        public static long* Value;

        // One long per benchmark thread, for the life of the process (a benchmark's few threads).
        public static long* Allocate() => Value = (long*)System.Runtime.InteropServices.NativeMemory.AllocZeroed(sizeof(long));
    }
}
