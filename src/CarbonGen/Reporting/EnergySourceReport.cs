using CarbonGen.Measurement;

namespace CarbonGen.Reporting;

/// <summary>One energy source the meter tried or kept in reserve, whether it supplied figures and, if not, why.</summary>
/// <param name="Component"><c>cpu</c>, <c>gpu</c> or <c>ram</c>.</param>
/// <param name="Source">The source's label: <c>rapl</c>, <c>hwmon</c>, <c>nvml</c>, <c>tdp-model</c>, <c>ram-model</c>, or a platform adapter's own.</param>
/// <param name="Used">The source supplied this component's figures for the whole run or, when it stopped mid-run, for part of it.</param>
/// <param name="Reason">Why the source is not used (no such hardware, no permission, not needed while an earlier source works), or why it stopped mid-run; <see langword="null"/> for a source in use.</param>
public sealed record EnergySourceReport(string Component, string Source, bool Used, string? Reason)
{
    /// <summary>The public form of a source's status.</summary>
    internal static EnergySourceReport From(SourceReport source) => new(
        EnergySourceNames.ComponentName(source.Component),
        source.Name,
        source.Status.State is SourceState.Used or SourceState.Failed,
        source.Status.State switch
        {
            SourceState.Used => null,
            SourceState.Failed => "stopped mid-run: " + source.Status.Detail,
            _ => source.Status.Detail,
        });
}
