using System.Collections;
using System.Collections.Generic;
using System.ComponentModel;

namespace CarbonGen.Runtime.Iterators;

/// <summary>
/// Wraps the sequence an iterator method returns, so that the work done while it is enumerated
/// (every <c>MoveNext</c> or <c>MoveNextAsync</c>) is measured as part of the method, not just the
/// call that created it. The generator uses these only for methods compiled as iterators.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CarbonIterators
{
    /// <summary>Measures each step of enumerating <paramref name="source"/>.</summary>
    public static IEnumerable<T> Track<T>(IEnumerable<T> source, TrackedMethod method) => new TrackedEnumerable<T>(source, method);

    /// <summary>Measures each step of <paramref name="source"/>.</summary>
    public static IEnumerator<T> Track<T>(IEnumerator<T> source, TrackedMethod method) => new TrackedEnumerator<T>(source, method);

    /// <summary>Measures each step of enumerating <paramref name="source"/>.</summary>
    public static IEnumerable Track(IEnumerable source, TrackedMethod method) => new TrackedEnumerable(source, method);

    /// <summary>Measures each step of <paramref name="source"/>.</summary>
    public static IEnumerator Track(IEnumerator source, TrackedMethod method) => new TrackedEnumerator(source, method);

    /// <summary>Measures each asynchronous step of enumerating <paramref name="source"/>.</summary>
    public static IAsyncEnumerable<T> Track<T>(IAsyncEnumerable<T> source, TrackedMethod method) => new TrackedAsyncEnumerable<T>(source, method);

    /// <summary>Measures each asynchronous step of <paramref name="source"/>.</summary>
    public static IAsyncEnumerator<T> Track<T>(IAsyncEnumerator<T> source, TrackedMethod method) => new TrackedAsyncEnumerator<T>(source, method);
}
