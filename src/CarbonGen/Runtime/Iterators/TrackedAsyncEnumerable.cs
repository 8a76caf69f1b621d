using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CarbonGen.Runtime.Iterators;

/// <summary>An asynchronous sequence whose enumerators are measured.</summary>
internal sealed class TrackedAsyncEnumerable<T>(IAsyncEnumerable<T> inner, TrackedMethod method) : IAsyncEnumerable<T>
{
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        new TrackedAsyncEnumerator<T>(inner.GetAsyncEnumerator(cancellationToken), method);
}

/// <summary>
/// An asynchronous enumerator whose every <c>MoveNextAsync</c> is measured, from the call to the
/// completion of the value task it returns.
/// </summary>
internal sealed class TrackedAsyncEnumerator<T>(IAsyncEnumerator<T> inner, TrackedMethod method) : IAsyncEnumerator<T>
{
    public T Current => inner.Current;

    public ValueTask<bool> MoveNextAsync()
    {
        var frame = CarbonRuntime.EnterStep(method);
        var completed = false;
        try
        {
            var step = CarbonAsync.Track(inner.MoveNextAsync(), frame);
            frame.Exit();
            completed = true;
            return step;
        }
        finally
        {
            if (!completed)
            {
                frame.ExitFailed();
            }
        }
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
