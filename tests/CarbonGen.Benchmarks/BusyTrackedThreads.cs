using System;
using System.Threading;
using CarbonGen.Runtime;

namespace CarbonGen.Benchmarks;

/// <summary>
/// Threads that spin on arithmetic until disposed, each inside a tracked frame for its whole life (opened
/// with <see cref="CarbonRuntime.Enter"/> on that thread) and over and over inside a second,
/// <c>[Carbon]</c> method: every read of the method CPU sampler finds them running, and charges what they
/// used to two methods, self and inclusive, as in a busy service.
/// </summary>
internal sealed class BusyTrackedThreads : IDisposable
{
    private static readonly TrackedMethod s_outer = MethodRegistry.Register("Benchmarks.BusyThread", "Benchmarks", "BusyThread", null, 0);

    private readonly Thread[] _threads;
    private int _stop;

    /// <summary>Starts <paramref name="count"/> threads and returns once each is inside its frame.</summary>
    internal BusyTrackedThreads(int count)
    {
        using var ready = new CountdownEvent(count);
        _threads = new Thread[count];
        for (var i = 0; i < count; i++)
        {
            var seed = (ulong)i + 1;
            _threads[i] = new Thread(() => Spin(seed, ready)) { IsBackground = true, Name = "busy tracked " + i };
            _threads[i].Start();
        }

        ready.Wait();
    }

    /// <summary>Threads running.</summary>
    internal int Count => _threads.Length;

    /// <summary>Stops every thread and waits for it to leave its frame and end.</summary>
    public void Dispose()
    {
        Volatile.Write(ref _stop, 1);
        foreach (var thread in _threads)
        {
            thread.Join();
        }
    }

    private void Spin(ulong seed, CountdownEvent ready)
    {
        var frame = CarbonRuntime.Enter(s_outer);

        // Ready once inside both methods: the first call registers the second, so a read from now on finds every method.
        var state = BusyWork.Chunk(seed);
        ready.Signal();
        while (Volatile.Read(ref _stop) == 0)
        {
            state = BusyWork.Chunk(state);
        }

        frame.Exit(completed: true);
        GC.KeepAlive(state);
    }
}

/// <summary>The work the busy threads repeat: a few microseconds of arithmetic the JIT cannot remove.</summary>
internal static class BusyWork
{
    /// <summary>4,096 steps of a 64-bit xorshift from <paramref name="state"/>; returns the last state.</summary>
    [Carbon]
    public static ulong Chunk(ulong state)
    {
        for (var i = 0; i < 4096; i++)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
        }

        return state;
    }
}
