using System;
using System.ComponentModel;
using System.Threading;

namespace CarbonGen.Runtime;

/// <summary>
/// Carries the tracked asynchronous methods across <c>await</c>: the continuation of a tracked async
/// method runs on some pool thread, outside the shadow stack of the thread that called it. The
/// interceptor puts the method into an <see cref="AsyncLocal{T}"/> that the method's continuations
/// inherit, and each time a thread starts or stops running such a continuation, that thread's
/// accumulator learns which tracked async method it is working for, so the CPU sampler can charge it.
/// </summary>
/// <remarks>
/// <para>Setting an async-local allocates a new execution context, so each method remembers the last
/// context it built (its caller's context and the same plus the method) and switches to it again,
/// allocation-free, whenever it is called from that same caller context: in a console app, a worker
/// or a benchmark every call flows for free.</para>
/// <para>From a context not seen before, a call flows (and allocates) when it is the method's first
/// call or once the method has been seen completing asynchronously; a method that has only ever
/// completed synchronously does not pay for a new context on every call. Only then can a
/// continuation go unattributed: the first asynchronous completion of such a method, from a new
/// context, is charged to its caller's flow (or to <c>(untracked)</c>).</para>
/// <para>The change handler runs inside the runtime's execution-context switches, where an exception makes
/// the runtime end the process (FailFast). So it never throws: if a thread's flow cannot be recorded, that
/// thread keeps the flow it had, and one warning per process says so.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct AsyncFlow
{
    private static readonly AsyncLocal<AsyncFlowNode?> s_current = new(OnChanged);
    private static readonly Measurement.OnceFlag s_recordFailed = new();

    private readonly ExecutionContext? _caller;
    private readonly ExecutionContext? _flowing;
    private readonly AsyncFlowNode? _previous;

    private AsyncFlow(ExecutionContext caller, ExecutionContext flowing, AsyncFlowNode? previous)
    {
        _caller = caller;
        _flowing = flowing;
        _previous = previous;
    }

    /// <summary>Makes <paramref name="method"/> flow into the continuations of the call about to be made.</summary>
    public static AsyncFlow Begin(TrackedMethod method)
    {
        // Null when the caller suppressed the flow: continuations then get no context, and so no method.
        var caller = ExecutionContext.Capture();
        if (caller is null)
        {
            return default;
        }

        var cached = method.LastFlow;
        if (cached is not null && ReferenceEquals(cached.Caller, caller))
        {
            ExecutionContext.Restore(cached.Flowing);
            return new AsyncFlow(caller, cached.Flowing, cached.Previous);
        }

        if (!method.HasCompletedAsynchronously && !method.ClaimFirstFlow())
        {
            return default;
        }

        var previous = s_current.Value;
        s_current.Value = new AsyncFlowNode(method, previous);
        var flowing = ExecutionContext.Capture()!;
        method.LastFlow = new FlowContexts(caller, flowing, previous);
        return new AsyncFlow(caller, flowing, previous);
    }

    /// <summary>Restores the caller's flow once the call has returned its task (the continuations keep theirs).</summary>
    public void End()
    {
        if (_caller is null)
        {
            return;
        }

        if (ReferenceEquals(ExecutionContext.Capture(), _flowing))
        {
            // Nothing else changed the context during the call: back to the caller's, allocation-free.
            ExecutionContext.Restore(_caller);
        }
        else
        {
            // The method changed async-locals of its own synchronously (a method that is not `async`
            // may): keep those changes, as they would be kept untracked, and take only ours back.
            s_current.Value = _previous;
        }
    }

    // Each thread's accumulator mirrors the flow of the context it runs: a continuation starting
    // or ending on a pool thread, and the calling thread switching to the method's flow and back.
    private static void OnChanged(AsyncLocalValueChangedArgs<AsyncFlowNode?> change) =>
        Record<ThreadAccumulatorFlowTarget>(change.CurrentValue, s_recordFailed);

    /// <summary>
    /// Records <paramref name="flow"/> in <typeparamref name="TTarget"/> and never throws: on a fault the
    /// thread keeps its previous flow and the first fault flagged by <paramref name="warned"/> is reported.
    /// </summary>
    internal static void Record<TTarget>(AsyncFlowNode? flow, Measurement.OnceFlag warned)
        where TTarget : struct, IAsyncFlowTarget
    {
        // A try block that does not throw costs nothing; the common path is the one assignment.
        try
        {
            TTarget.Set(flow);
        }
        catch (Exception e)
        {
            try
            {
                if (warned.TrySet())
                {
                    TTarget.Warn($"CarbonGen: warning: a thread's async flow could not be recorded ({e.GetType().Name}: {e.Message}). That thread's CPU time is charged to the flow it had before (or to (untracked)) until its next switch; further failures are not reported.");
                }
            }
            catch (Exception)
            {
                // Even the warning failed (out of memory): nothing may leave this handler, so it is dropped.
            }
        }
    }
}

/// <summary>A tracked async method whose continuation runs on a thread, and the tracked async method that awaited it.</summary>
internal sealed class AsyncFlowNode(TrackedMethod method, AsyncFlowNode? parent)
{
    internal TrackedMethod Method { get; } = method;

    internal AsyncFlowNode? Parent { get; } = parent;
}

/// <summary>The last execution context a method flowed from, the one built from it with the method added, and the caller's flow.</summary>
internal sealed class FlowContexts(ExecutionContext caller, ExecutionContext flowing, AsyncFlowNode? previous)
{
    internal ExecutionContext Caller { get; } = caller;

    internal ExecutionContext Flowing { get; } = flowing;

    internal AsyncFlowNode? Previous { get; } = previous;
}
