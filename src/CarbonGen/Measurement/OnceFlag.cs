using System;
using System.Threading;

namespace CarbonGen.Measurement;

/// <summary>Lets a warning be given once, however many sources run into the same cause (one RAPL permission warning for the CPU and the RAM source).</summary>
internal sealed class OnceFlag
{
    private int _done;

    internal bool IsSet => Volatile.Read(ref _done) != 0;

    /// <summary>Sets the flag; <see langword="true"/> only for the first caller, who then gives the warning.</summary>
    internal bool TrySet() => Interlocked.Exchange(ref _done, 1) == 0;

    /// <summary>Calls <paramref name="warn"/> the first time only.</summary>
    internal void Warn(Action<string> warn, string message)
    {
        if (TrySet())
        {
            warn(message);
        }
    }
}
