using System.ComponentModel;
using System.Diagnostics;

namespace CarbonGen.Runtime;

/// <summary>
/// One active call of a tracked method (or one step of a tracked iterator), opened by
/// <see cref="CarbonRuntime.Enter"/> and closed by <see cref="Exit()"/> (or by <see cref="ExitFailed"/>
/// in the interceptor's <c>finally</c>). A plain struct on the caller's stack: opening and closing a
/// frame allocates nothing and takes no lock.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly unsafe struct CarbonFrame
{
    private readonly ThreadCounters* _counters;
    private readonly long _savedChildTicks;
    private readonly long _start;

    internal CarbonFrame(ThreadCounters* counters, int id, long savedChildTicks, long start)
    {
        _counters = counters;
        Id = id;
        _savedChildTicks = savedChildTicks;
        _start = start;
    }

    /// <summary>The tracked method's id.</summary>
    internal int Id { get; }

    /// <summary>
    /// Closes a call (or step) that returned: adds its inclusive and self time (the call was counted
    /// when it was made). The interceptor calls it at the end of its <c>try</c>, so the common path has
    /// no call to make.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Exit() => Close();

    /// <summary>
    /// Closes a call (or step) that threw, from the interceptor's <c>finally</c>: counts it as failed
    /// and adds its time. The exception is never caught and propagates exactly as it would untracked.
    /// Kept out of line so that the <c>finally</c> stays small enough for the JIT to copy onto the
    /// normal path instead of calling it as a separate funclet.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public void ExitFailed() => Close().FailedCalls++;

    /// <summary>Closes the call (or step), as failed unless <paramref name="completed"/> (for runtime code and tests).</summary>
    /// <param name="completed">Whether the call returned rather than threw.</param>
    internal void Exit(bool completed)
    {
        if (completed)
        {
            Exit();
        }
        else
        {
            ExitFailed();
        }
    }

    /// <summary>Pops the frame and adds its inclusive and self time; returns the method's slot.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private ref MethodSlot Close()
    {
        var elapsed = Stopwatch.GetTimestamp() - _start;
        var counters = _counters;
        // Enter made room for this method's slot, and the slots only ever grow (a nested call may have
        // moved them: they are read again here).
        ref var slot = ref counters->Slots[Id];
        slot.SelfTicks += elapsed - counters->ChildTicks;
        if (--slot.Depth == 0)
        {
            slot.InclusiveTicks += elapsed;
        }

        counters->ChildTicks = _savedChildTicks + elapsed;
        counters->StackDepth--;
        return ref slot;
    }
}
