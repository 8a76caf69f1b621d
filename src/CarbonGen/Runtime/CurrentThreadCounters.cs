namespace CarbonGen.Runtime;

/// <summary>
/// The current thread's <see cref="ThreadCounters"/>, alone in its type: the runtime stores a type's
/// thread statics inline in the thread's own block (the cheapest access, one load after the TLS
/// base) when the type has only unmanaged ones, so it must not share a type with a managed one.
/// </summary>
internal static unsafe class CurrentThreadCounters
{
    [System.ThreadStatic]
    internal static ThreadCounters* Value;
}
