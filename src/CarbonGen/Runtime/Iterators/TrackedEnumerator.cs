using System.Collections;
using System.Collections.Generic;

namespace CarbonGen.Runtime.Iterators;

/// <summary>An enumerator whose every <c>MoveNext</c> is measured as a step of the tracked method.</summary>
internal sealed class TrackedEnumerator<T>(IEnumerator<T> inner, TrackedMethod method) : IEnumerator<T>
{
    public T Current => inner.Current;

    object? IEnumerator.Current => inner.Current;

    public bool MoveNext() => TrackedStep.MoveNext(inner, method);

    public void Reset() => inner.Reset();

    public void Dispose() => inner.Dispose();
}

/// <summary>The non-generic form of <see cref="TrackedEnumerator{T}"/>.</summary>
internal sealed class TrackedEnumerator(IEnumerator inner, TrackedMethod method) : IEnumerator
{
    public object? Current => inner.Current;

    public bool MoveNext() => TrackedStep.MoveNext(inner, method);

    public void Reset() => inner.Reset();
}

/// <summary>One measured step of a tracked iterator.</summary>
internal static class TrackedStep
{
    internal static bool MoveNext(IEnumerator inner, TrackedMethod method)
    {
        var frame = CarbonRuntime.EnterStep(method);
        var completed = false;
        try
        {
            var moved = inner.MoveNext();
            frame.Exit();
            completed = true;
            return moved;
        }
        finally
        {
            if (!completed)
            {
                frame.ExitFailed();
            }
        }
    }
}
