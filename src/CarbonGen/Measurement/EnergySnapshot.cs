using System.Collections.Generic;
using System.Text;

namespace CarbonGen.Measurement;

/// <summary>The energy of one component since the meter started, and where it came from.</summary>
/// <param name="Component">CPU, GPU or RAM.</param>
/// <param name="Joules">Energy of the whole component (all packages, all memory, all visible GPUs), not this process's share.</param>
/// <param name="Source">The <c>energy_source</c> label: <c>rapl</c>, <c>hwmon</c>, <c>nvml</c>, <c>tdp-model</c>, <c>ram-model</c>; two joined by <c>+</c> when a source failed mid-run and the next took over (<c>rapl+tdp-model</c>); <c>none</c> for an absent component.</param>
/// <param name="IsMeasured">Every joule came from a hardware counter; <see langword="false"/> as soon as any part is estimated.</param>
/// <param name="IsPresent">A source supplied this component (no GPU: <see langword="false"/>).</param>
internal readonly record struct ComponentEnergy(EnergyComponent Component, double Joules, string Source, bool IsMeasured, bool IsPresent);

/// <summary>One source's name, component and status, for the summary and for diagnostics.</summary>
internal sealed record SourceReport(string Name, EnergyComponent Component, bool IsMeasured, EnergySourceStatus Status)
{
    /// <inheritdoc />
    public override string ToString() => $"{EnergySourceNames.ComponentName(Component)} {Name}: {Status}";
}

/// <summary>What the meter knows at one moment. Immutable; taking one allocates, so it is for reports, not the sampling loop.</summary>
/// <param name="ElapsedSeconds">Seconds between the meter's start and its last sample.</param>
/// <param name="Cpu">CPU energy.</param>
/// <param name="Gpu">GPU energy (absent on a machine without NVIDIA GPUs).</param>
/// <param name="Ram">Memory energy.</param>
/// <param name="Sources">Every source tried or kept in reserve, in the order they are tried.</param>
/// <param name="Gpus">Each visible GPU, with this process's share where the driver reports it.</param>
/// <param name="MachineBusyTicks">Busy CPU time of the whole machine over the same interval, in clock ticks (100 a second), or <see langword="null"/> without <c>/proc/stat</c>.</param>
/// <param name="ProcessCpuSeconds">This process's CPU time over the same interval (from <c>/proc/self/stat</c>, else from the runtime), or <see langword="null"/> before the meter starts.</param>
internal sealed record EnergySnapshot(
    double ElapsedSeconds,
    ComponentEnergy Cpu,
    ComponentEnergy Gpu,
    ComponentEnergy Ram,
    IReadOnlyList<SourceReport> Sources,
    IReadOnlyList<GpuEnergy> Gpus,
    ulong? MachineBusyTicks,
    double? ProcessCpuSeconds)
{
    /// <summary>Why the machine's busy CPU time is unknown (<see cref="MachineBusyTicks"/> is <see langword="null"/>), for the report.</summary>
    internal string? MachineLoadError { get; init; }

    /// <summary>
    /// The process's part of the CPU energy, summed interval by interval (each interval's CPU energy times
    /// the process's share of the machine's busy CPU time in that interval), or <see langword="null"/>
    /// where the machine's or the process's CPU time cannot be read.
    /// </summary>
    internal double? ProcessCpuJoules { get; init; }

    /// <summary>The CPU's rated power, for the CPU-time model where the machine's load is unknown; <see langword="null"/> before the meter starts.</summary>
    internal CpuPowerModel? CpuModel { get; init; }

    internal double TotalJoules => Cpu.Joules + Gpu.Joules + Ram.Joules;

    /// <summary>All figures come from hardware counters.</summary>
    internal bool IsMeasured => Cpu.IsMeasured && Ram.IsMeasured && (!Gpu.IsPresent || Gpu.IsMeasured);

    /// <summary>
    /// This process's share of the machine's busy CPU time over the interval (0 to 1): what process mode
    /// multiplies the CPU energy by. <see langword="null"/> when the machine's busy time is unknown
    /// (no readable <c>/proc/stat</c>: Windows, macOS, a restricted container).
    /// </summary>
    internal double? ProcessCpuShare => MachineBusyTicks is { } busy && ProcessCpuSeconds is { } mine
        ? busy == 0 ? 0 : System.Math.Min(1.0, mine * MachineCpuTimes.TicksPerSecond / busy)
        : null;

    /// <summary>One label for the <c>energy_source</c> column: <c>cpu=rapl ram=ram-model gpu=nvml</c> (absent components left out).</summary>
    internal string EnergySource => EnergySourceWithCpu(null);

    /// <summary><see cref="EnergySource"/> with the CPU's label replaced by <paramref name="cpuSource"/> (when not <see langword="null"/>), for a CPU figure that attribution made another way.</summary>
    internal string EnergySourceWithCpu(string? cpuSource)
    {
        var text = new StringBuilder();
        foreach (var c in new[] { Cpu, Ram, Gpu })
        {
            var label = c.Component == EnergyComponent.Cpu && cpuSource is not null ? cpuSource : c.IsPresent ? c.Source : null;
            if (label is not null)
            {
                text.Append(text.Length == 0 ? string.Empty : " ").Append(EnergySourceNames.ComponentName(c.Component)).Append('=').Append(label);
            }
        }

        return text.Length == 0 ? "none" : text.ToString();
    }
}
