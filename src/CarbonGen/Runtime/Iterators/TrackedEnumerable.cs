using System.Collections;
using System.Collections.Generic;

namespace CarbonGen.Runtime.Iterators;

/// <summary>A sequence whose enumerators are measured.</summary>
internal sealed class TrackedEnumerable<T>(IEnumerable<T> inner, TrackedMethod method) : IEnumerable<T>
{
    public IEnumerator<T> GetEnumerator() => new TrackedEnumerator<T>(inner.GetEnumerator(), method);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>The non-generic form of <see cref="TrackedEnumerable{T}"/>.</summary>
internal sealed class TrackedEnumerable(IEnumerable inner, TrackedMethod method) : IEnumerable
{
    public IEnumerator GetEnumerator() => new TrackedEnumerator(inner.GetEnumerator(), method);
}
