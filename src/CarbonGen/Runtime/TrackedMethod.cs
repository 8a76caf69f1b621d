using System.ComponentModel;
using System.Threading;

namespace CarbonGen.Runtime;

/// <summary>
/// One method that CarbonGen tracks, as described by the catalog the generator emits in each
/// compilation. Instances are created once per method (see <see cref="MethodRegistry"/>) and then
/// only read; the per-call counters live in per-thread accumulators, not here.
/// </summary>
public sealed class TrackedMethod
{
    internal TrackedMethod(int id, string displayName, string containingType, string name, string? file, int line, TrackedMethodKind kind)
    {
        Kind = kind;
        Id = id;
        DisplayName = displayName;
        ContainingType = containingType;
        Name = name;
        File = file;
        Line = line;
    }

    /// <summary>Dense index of this method in the process, used to address per-thread counters.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public int Id { get; }

    /// <summary>The name shown in reports, e.g. <c>MyApp.Primes.Sieve(int)</c> or a name given in <c>[Carbon("...")]</c>.</summary>
    public string DisplayName { get; }

    /// <summary>Namespace-qualified containing type, e.g. <c>MyApp.Primes</c>.</summary>
    public string ContainingType { get; }

    /// <summary>The method's simple name.</summary>
    public string Name { get; }

    /// <summary>File of the method's declaration, when the generator could see it; otherwise <see langword="null"/>.</summary>
    public string? File { get; }

    /// <summary>One-based line of the declaration, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>Whether the method is synchronous, asynchronous or an iterator.</summary>
    public TrackedMethodKind Kind { get; }

    /// <summary>Set once a call of this method returned a task that was not yet complete (see <see cref="AsyncFlow"/>).</summary>
    internal bool HasCompletedAsynchronously
    {
        get => Volatile.Read(ref _hasCompletedAsynchronously);
        set => Volatile.Write(ref _hasCompletedAsynchronously, value);
    }

    private bool _hasCompletedAsynchronously;

    /// <summary>The contexts of this method's last flow, reused while calls come from the same caller context.</summary>
    internal FlowContexts? LastFlow
    {
        get => Volatile.Read(ref _lastFlow);
        set => Volatile.Write(ref _lastFlow, value);
    }

    private FlowContexts? _lastFlow;

    /// <summary>True for the first call that asks (it flows before anything is known about the method).</summary>
    internal bool ClaimFirstFlow() => Interlocked.Exchange(ref _firstFlowClaimed, 1) == 0;

    private int _firstFlowClaimed;

    /// <inheritdoc />
    public override string ToString() => DisplayName;
}
