using System;
using System.Threading;

namespace CarbonGen.Tests.Measurement;

/// <summary>
/// An <c>AfterSample</c> hook for a sampler's background loop that throws on its first calls, as a fault
/// inside the loop would, and then signals once the loop has gone on for a few more samples.
/// </summary>
/// <param name="failures">How many first calls throw (<c>InvalidOperationException: fault 1</c>, <c>fault 2</c>, ...).</param>
/// <param name="calls">The call after which <see cref="Wait"/> returns.</param>
/// <param name="onCall">Runs first on each call up to <paramref name="calls"/>, with the call's number (from 1).</param>
internal sealed class FailingHook(int failures, int calls, Action<int>? onCall = null) : IDisposable
{
    private readonly ManualResetEventSlim _done = new();
    private int _count;

    /// <summary>The hook to give the sampler.</summary>
    public void Invoke()
    {
        var n = Interlocked.Increment(ref _count);
        if (n > calls)
        {
            return;
        }

        onCall?.Invoke(n);
        if (n <= failures)
        {
            throw new InvalidOperationException("fault " + n);
        }

        if (n == calls)
        {
            _done.Set();
        }
    }

    /// <summary>Whether the loop reached the last call within two minutes (it may be slow on a busy machine).</summary>
    public bool Wait() => _done.Wait(TimeSpan.FromMinutes(2));

    public void Dispose() => _done.Dispose();
}
