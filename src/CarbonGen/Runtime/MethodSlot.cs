using System.Runtime.InteropServices;

namespace CarbonGen.Runtime;

/// <summary>
/// Counters of one tracked method on one thread. Only the owning thread writes them, with plain
/// adds; readers on other threads see whole 64-bit values (aligned longs are read atomically on
/// 64-bit runtimes) that may lag by the calls in flight.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct MethodSlot
{
    /// <summary>Calls made (counted on entry, so a call still running at a report is included).</summary>
    public long Calls;

    /// <summary>Completed calls that threw, or whose task faulted.</summary>
    public long FailedCalls;

    /// <summary>Calls whose task (or asynchronous step) was canceled.</summary>
    public long CanceledCalls;

    /// <summary>
    /// Stopwatch ticks from entry to exit of the outermost active call (recursion is not counted twice),
    /// plus, for asynchronous calls, the time from returning the task to its completion.
    /// </summary>
    public long InclusiveTicks;

    /// <summary>Stopwatch ticks spent in the method itself, excluding nested tracked calls.</summary>
    public long SelfTicks;

    /// <summary>Active calls of this method on this thread (recursion depth).</summary>
    public int Depth;
}
