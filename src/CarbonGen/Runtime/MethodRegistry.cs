using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;

namespace CarbonGen.Runtime;

/// <summary>
/// Process-wide list of tracked methods. Generated catalogs register their methods once, in their
/// static initialisers; the same display name registered by two assemblies (a library and its
/// consumer both calling a library method) resolves to one entry.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class MethodRegistry
{
    private static readonly object s_gate = new();
    private static readonly Dictionary<string, TrackedMethod> s_byName = new(System.StringComparer.Ordinal);
    private static TrackedMethod[] s_methods = [];

    /// <summary>Registers (or finds) a tracked method. Called by generated code, once per method and assembly.</summary>
    public static TrackedMethod Register(
        string displayName, string containingType, string name, string? file, int line, TrackedMethodKind kind = TrackedMethodKind.Synchronous)
    {
        CarbonRuntime.EnsureStarted();
        lock (s_gate)
        {
            if (s_byName.TryGetValue(displayName, out var existing))
            {
                return existing;
            }

            var method = new TrackedMethod(s_methods.Length, displayName, containingType, name, file, line, kind);
            var grown = new TrackedMethod[s_methods.Length + 1];
            s_methods.CopyTo(grown, 0);
            grown[method.Id] = method;
            s_byName.Add(displayName, method);
            Volatile.Write(ref s_methods, grown);
            return method;
        }
    }

    /// <summary>Number of methods registered so far; ids are 0 to <c>Count - 1</c>.</summary>
    internal static int Count => Volatile.Read(ref s_methods).Length;

    /// <summary>All registered methods, indexed by id.</summary>
    internal static IReadOnlyList<TrackedMethod> All => Volatile.Read(ref s_methods);
}
