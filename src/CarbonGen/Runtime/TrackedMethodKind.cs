namespace CarbonGen.Runtime;

/// <summary>How a tracked method's work is measured.</summary>
public enum TrackedMethodKind
{
    /// <summary>From entry to return.</summary>
    Synchronous,

    /// <summary>From entry to the completion of the returned task (or value task).</summary>
    Asynchronous,

    /// <summary>An iterator: the call that creates the sequence, then every <c>MoveNext</c>.</summary>
    Iterator,

    /// <summary>An async iterator: the call that creates the sequence, then every <c>MoveNextAsync</c> until it completes.</summary>
    AsyncIterator,
}
