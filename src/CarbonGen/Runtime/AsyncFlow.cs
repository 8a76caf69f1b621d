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
/// Setting an async-local allocates, so it is done only for methods that have been seen completing
/// asynchronously at least once: a method whose tasks always complete synchronously never pays for it
/// (its first asynchronous call, which taught us, is charged to its caller).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct AsyncFlow
{
    private static readonly AsyncLocal<AsyncFlowNode?> s_current = new(OnChanged);

    private readonly AsyncFlowNode? _previous;
    private readonly bool _set;

    private AsyncFlow(AsyncFlowNode? previous)
    {
        _previous = previous;
        _set = true;
    }

    /// <summary>Makes <paramref name="method"/> flow into the continuations of the call about to be made.</summary>
    public static AsyncFlow Begin(TrackedMethod method)
    {
        if (!method.HasCompletedAsynchronously)
        {
            return default;
        }

        var previous = s_current.Value;
        s_current.Value = new AsyncFlowNode(method, previous);
        return new AsyncFlow(previous);
    }

    /// <summary>Restores the caller's flow once the call has returned its task (the continuations keep theirs).</summary>
    public void End()
    {
        if (_set)
        {
            s_current.Value = _previous;
        }
    }

    private static void OnChanged(AsyncLocalValueChangedArgs<AsyncFlowNode?> change)
    {
        // Only a switch of context on a thread matters: within the calling thread the shadow stack already shows the method.
        if (change.ThreadContextChanged)
        {
            ThreadAccumulator.Current.AsyncFlow = change.CurrentValue;
        }
    }
}

/// <summary>A tracked async method whose continuation runs on a thread, and the tracked async method that awaited it.</summary>
internal sealed class AsyncFlowNode(TrackedMethod method, AsyncFlowNode? parent)
{
    internal TrackedMethod Method { get; } = method;

    internal AsyncFlowNode? Parent { get; } = parent;
}
