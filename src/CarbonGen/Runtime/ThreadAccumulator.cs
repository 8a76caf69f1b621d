using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace CarbonGen.Runtime;

/// <summary>
/// Per-thread counters of every tracked method. The interceptor reaches its thread's
/// <see cref="ThreadCounters"/> through a thread-static pointer and updates them without locks or
/// atomics. The reporter sums the accumulators of live threads and the retired counts of threads that
/// have ended: each time a thread starts tracking, the accumulators of ended threads are folded into
/// those retired counts and let go, so an app that keeps creating threads does not keep them all.
/// </summary>
internal sealed unsafe class ThreadAccumulator
{
    [ThreadStatic]
    private static ThreadAccumulator? t_current;

    private static readonly object s_gate = new();
    private static ThreadAccumulator[] s_all = [];
    private static MethodSlot[] s_retired = [];

    // Both pinned (they never move), so the hot path can address them by pointer; these references keep them alive.
    private readonly ThreadCounters[] _counters = GC.AllocateArray<ThreadCounters>(1, pinned: true);
    private MethodSlot[] _slots;

    // Created on the owning thread, to tell when it has ended.
    private readonly Thread _owner = Thread.CurrentThread;

    private ThreadAccumulator(int capacity, int threadId)
    {
        _slots = GC.AllocateArray<MethodSlot>(capacity, pinned: true);
        ref var counters = ref _counters[0];
        counters.Slots = (MethodSlot*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_slots));
        counters.SlotCount = capacity;
        ThreadId = threadId;
        LastCpuNanoseconds = threadId < 0 ? 0 : Measurement.ThreadCpuReader.ReadOnce(threadId);
    }

    /// <summary>Most nesting levels the shadow stack records; deeper calls are still counted and timed.</summary>
    internal const int StackCapacity = 64;

    /// <summary>The state the interceptors update (shadow stack, child time, slots), for other threads to read.</summary>
    internal ref ThreadCounters State => ref _counters[0];

    /// <summary>The tracked async methods whose continuation this thread is running, innermost first (see <see cref="AsyncFlow"/>).</summary>
    internal AsyncFlowNode? AsyncFlow;

    /// <summary>Whether the thread that owns this accumulator is still running.</summary>
    internal bool OwnerIsAlive => _owner.IsAlive;

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

    /// <summary>The counters, indexed by <see cref="TrackedMethod.Id"/> (for readers on other threads).</summary>
    internal MethodSlot[] Slots => Volatile.Read(ref _slots);

    /// <summary>
    /// The current thread's counters, with room for the slot of method <paramref name="id"/>: the one
    /// thread-static read of a tracked call.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ThreadCounters* For(int id)
    {
        var counters = CurrentThreadCounters.Value;
        if (counters != null && (uint)id < (uint)counters->SlotCount)
        {
            return counters;
        }

        return ForSlow(id);
    }

    /// <summary>The current thread's slot of method <paramref name="id"/>.</summary>
    internal static ref MethodSlot SlotOf(int id) => ref For(id)->Slots[id];

    /// <summary>The accumulators of the threads that have tracked and were alive when a thread last started tracking.</summary>
    internal static ThreadAccumulator[] All => Volatile.Read(ref s_all);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ThreadCounters* ForSlow(int id)
    {
        var accumulator = Current;
        ref var counters = ref accumulator._counters[0];
        if ((uint)id >= (uint)counters.SlotCount)
        {
            // Rare: a catalog registered new methods after this thread's first call. Only the owning
            // thread writes the slots, so copying them cannot lose an update. The old array is left to
            // the GC: a reader on another thread that still holds it reads figures that only lag.
            var grown = GC.AllocateArray<MethodSlot>(Math.Max(id + 1, MethodRegistry.Count), pinned: true);
            accumulator._slots.CopyTo(grown, 0);
            Volatile.Write(ref accumulator._slots, grown);
            counters.Slots = (MethodSlot*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(grown));
            counters.SlotCount = grown.Length;
        }

        return (ThreadCounters*)Unsafe.AsPointer(ref counters);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ThreadAccumulator CreateForCurrentThread()
    {
        var accumulator = new ThreadAccumulator(MethodRegistry.Count, Measurement.ThreadCpuReader.CurrentThreadId());
        lock (s_gate)
        {
            var live = RetireEndedLocked();
            var all = new ThreadAccumulator[live.Count + 1];
            live.CopyTo(all, 0);
            all[^1] = accumulator;
            Volatile.Write(ref s_all, all);
        }

        t_current = accumulator;
        CurrentThreadCounters.Value = (ThreadCounters*)Unsafe.AsPointer(ref accumulator._counters[0]);
        return accumulator;
    }

    /// <summary>Sums the counters of all threads, live and ended, for each registered method.</summary>
    internal static MethodSlot[] SumAll()
    {
        var sums = new MethodSlot[MethodRegistry.Count];
        lock (s_gate)
        {
            Add(sums, s_retired);
            foreach (var accumulator in s_all)
            {
                Add(sums, accumulator.Slots);
            }
        }

        return sums;
    }

    /// <summary>
    /// Folds the counts of ended threads into the retired counts and returns the live accumulators.
    /// An ended thread writes nothing more, so its counts are final; the caller holds <c>s_gate</c>,
    /// as <see cref="SumAll"/> does, so no count is seen twice or missed.
    /// </summary>
    private static List<ThreadAccumulator> RetireEndedLocked()
    {
        var live = new List<ThreadAccumulator>(s_all.Length);
        foreach (var accumulator in s_all)
        {
            if (accumulator.OwnerIsAlive)
            {
                live.Add(accumulator);
                continue;
            }

            var slots = accumulator.Slots;
            if (s_retired.Length < slots.Length)
            {
                Array.Resize(ref s_retired, slots.Length);
            }

            Add(s_retired, slots);
        }

        return live;
    }

    private static void Add(MethodSlot[] sums, MethodSlot[] slots)
    {
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
}
