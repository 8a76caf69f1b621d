using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;

namespace CarbonGen.Runtime;

/// <summary>
/// Per-thread counters of every tracked method. The interceptor reaches its thread's instance
/// through a thread-static field and updates it without locks or atomics; the reporter sums all
/// instances ever created, so counts of threads that have ended are kept.
/// </summary>
internal sealed class ThreadAccumulator
{
    [ThreadStatic]
    private static ThreadAccumulator? t_current;

    private static readonly object s_gate = new();
    private static ThreadAccumulator[] s_all = [];

    private MethodSlot[] _slots;

    private ThreadAccumulator(int capacity, int threadId)
    {
        _slots = new MethodSlot[capacity];
        ThreadId = threadId;
        LastCpuNanoseconds = threadId < 0 ? 0 : Measurement.ThreadCpuReader.ReadOnce(threadId);
    }

    /// <summary>Most nesting levels the shadow stack records; deeper calls are still counted and timed.</summary>
    internal const int StackCapacity = 64;

    /// <summary>Ticks spent in tracked calls nested inside the innermost active tracked call.</summary>
    internal long ChildTicks;

    /// <summary>
    /// The shadow stack: ids of the tracked methods active on this thread, outermost first. Written by
    /// the owning thread only; the CPU sampler reads it from its own thread to charge this thread's CPU
    /// time to the method on top (self) and to every method on it (inclusive).
    /// </summary>
    internal ShadowStack Stack;

    /// <summary>Active tracked calls on this thread (may exceed <see cref="StackCapacity"/>).</summary>
    internal int StackDepth;

    /// <summary>The tracked async methods whose continuation this thread is running, innermost first (see <see cref="AsyncFlow"/>).</summary>
    internal AsyncFlowNode? AsyncFlow;

    /// <summary>The kernel's id of the owning thread (for its CPU time in procfs), or -1 where unknown.</summary>
    internal int ThreadId { get; }

    /// <summary>Set by the CPU sampler once the thread has ended and its last CPU time was read.</summary>
    internal bool Ended;

    /// <summary>
    /// The thread's CPU run time at the CPU sampler's last read (at creation: before its first tracked
    /// call, so that work done earlier is never charged to a method). Owned by the sampler.
    /// </summary>
    internal ulong LastCpuNanoseconds;

    /// <summary>This thread's accumulator, created and registered on the thread's first tracked call.</summary>
    internal static ThreadAccumulator Current
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => t_current ?? CreateForCurrentThread();
    }

    /// <summary>The counters, indexed by <see cref="TrackedMethod.Id"/>.</summary>
    internal MethodSlot[] Slots => _slots;

    /// <summary>Returns the slot of a method, growing the array when the method was registered after it was sized.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ref MethodSlot Slot(int id)
    {
        var slots = _slots;
        if ((uint)id < (uint)slots.Length)
        {
            return ref slots[id];
        }

        return ref Grow(id)[id];
    }

    /// <summary>Every accumulator created so far, for the reporter.</summary>
    internal static ThreadAccumulator[] All => Volatile.Read(ref s_all);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private MethodSlot[] Grow(int id)
    {
        // Rare: a catalog registered new methods after this thread's first call. Only the owning
        // thread writes the slots, so copying them cannot lose an update.
        var grown = new MethodSlot[Math.Max(id + 1, MethodRegistry.Count)];
        _slots.CopyTo(grown, 0);
        Volatile.Write(ref _slots, grown);
        return grown;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ThreadAccumulator CreateForCurrentThread()
    {
        var accumulator = new ThreadAccumulator(MethodRegistry.Count, Measurement.ThreadCpuReader.CurrentThreadId());
        lock (s_gate)
        {
            var all = new ThreadAccumulator[s_all.Length + 1];
            s_all.CopyTo(all, 0);
            all[^1] = accumulator;
            Volatile.Write(ref s_all, all);
        }

        t_current = accumulator;
        return accumulator;
    }

    /// <summary>Sums the counters of all threads for each registered method.</summary>
    internal static MethodSlot[] SumAll()
    {
        var sums = new MethodSlot[MethodRegistry.Count];
        foreach (var accumulator in All)
        {
            var slots = Volatile.Read(ref accumulator._slots);
            var n = Math.Min(slots.Length, sums.Length);
            for (var i = 0; i < n; i++)
            {
                sums[i].Calls += Volatile.Read(ref slots[i].Calls);
                sums[i].FailedCalls += Volatile.Read(ref slots[i].FailedCalls);
                sums[i].CanceledCalls += Volatile.Read(ref slots[i].CanceledCalls);
                sums[i].InclusiveTicks += Volatile.Read(ref slots[i].InclusiveTicks);
                sums[i].SelfTicks += Volatile.Read(ref slots[i].SelfTicks);
            }
        }

        return sums;
    }
}
