using System;
using System.Globalization;
using System.Linq;
using CarbonGen.Measurement;
using CarbonGen.Reporting;

namespace CarbonGen.Runtime.Attribution;

/// <summary>
/// The process's part of the machine's energy. In <c>process</c> mode (the default): CPU energy times
/// the process's share of the machine's busy CPU time in the same interval, interval by interval as the
/// energy sampler reads them (<see cref="EnergySnapshot.ProcessCpuJoules"/>), memory energy times its
/// share of the machine's memory, GPU energy as the driver attributes it to the process (the whole GPU
/// where the driver cannot). In <c>machine</c> mode: everything the machine used.
/// </summary>
/// <remarks>
/// Where the machine's busy CPU time cannot be read (no <c>/proc/stat</c>: Windows, macOS, a restricted
/// container), the share is unknown, so process mode charges the process its own CPU time at the rated
/// power per logical CPU (<see cref="CpuTimePowerModel"/>) instead of any part of the machine's CPU figure,
/// and says so. Machine mode keeps the machine's figure; when that is the TDP model at an assumed load, it
/// says so too.
/// </remarks>
internal static class ProcessEnergyAttribution
{
    internal static ProcessEnergy From(EnergySnapshot snapshot, TrackingMode mode, ProcessSample process, double totalMemoryGigabytes)
    {
        var sources = snapshot.Sources.Select(EnergySourceReport.From).ToArray();
        return Attribute(snapshot, mode, process, totalMemoryGigabytes) with { Sources = sources };
    }

    private static ProcessEnergy Attribute(EnergySnapshot snapshot, TrackingMode mode, ProcessSample process, double totalMemoryGigabytes)
    {
        var culture = CultureInfo.InvariantCulture;
        var wattsPerLogicalCpu = snapshot.CpuModel?.WattsPerLogicalCpu ?? CpuTimePowerModel.WattsPerBusyCore;
        if (!snapshot.Cpu.IsPresent)
        {
            // No source could estimate the machine's CPU: fall back to the CPU-time model.
            var model = ProcessEnergy.FromCpuTimeModel(process, wattsPerLogicalCpu);
            return model with { Detail = model.Detail + "; no power source was usable: " + string.Join("; ", snapshot.Sources) };
        }

        var gpuJoules = mode == TrackingMode.Machine
            ? snapshot.Gpu.Joules
            : snapshot.Gpus.Sum(g => g.ProcessJoules ?? g.Joules);

        if (mode == TrackingMode.Machine)
        {
            var assumed = snapshot.MachineBusyTicks is null && snapshot.Cpu.Source.Contains(EnergySourceNames.TdpModel, StringComparison.Ordinal)
                ? string.Format(culture, "; the machine's CPU load is unknown ({0}), so the TDP model assumes {1:0%}", snapshot.MachineLoadError, TdpModelSource.UnknownLoad)
                : string.Empty;
            return new ProcessEnergy(snapshot.Cpu.Joules, gpuJoules, snapshot.Ram.Joules, snapshot.EnergySource, snapshot.IsMeasured, "machine mode: the whole machine's energy" + assumed);
        }

        var ramShare = totalMemoryGigabytes > 0 ? Math.Clamp(process.WorkingSetGigabytes / totalMemoryGigabytes, 0, 1) : 1.0;
        var gpuNote = snapshot.Gpus.Count == 0
            ? string.Empty
            : snapshot.Gpus.All(g => g.ProcessJoules is not null) ? ", the GPU energy the driver attributes to it" : ", the whole GPU energy (the driver reports no per-process share)";
        var ramJoules = snapshot.Ram.Joules * ramShare;
        if (snapshot.ProcessCpuShare is not { } cpuShare)
        {
            var cpuSeconds = snapshot.ProcessCpuSeconds ?? process.CpuSeconds;
            var unknownDetail = string.Format(
                culture,
                "process mode: process CPU time x TDP per logical CPU ({0:0.###} s x {1:0.###} W), machine load unknown ({2}); {3:0.##%} of its memory{4}",
                cpuSeconds,
                wattsPerLogicalCpu,
                snapshot.MachineLoadError ?? "no machine CPU time",
                ramShare,
                gpuNote);
            return new ProcessEnergy(
                CpuTimePowerModel.CpuJoules(cpuSeconds, wattsPerLogicalCpu),
                gpuJoules,
                ramJoules,
                snapshot.EnergySourceWithCpu(CpuTimePowerModel.Source),
                false,
                unknownDetail);
        }

        // Interval by interval where the meter sampled: a process busy while the machine drew more power
        // is charged more than the run's average share would give it.
        var cpuJoules = snapshot.ProcessCpuJoules ?? snapshot.Cpu.Joules * cpuShare;
        var detail = string.Format(
            culture,
            "process mode: {0:0.#%} of the machine's CPU energy (its share of busy CPU time, interval by interval; {1:0.#%} over the run), {2:0.##%} of its memory{3}",
            snapshot.Cpu.Joules > 0 ? cpuJoules / snapshot.Cpu.Joules : cpuShare,
            cpuShare,
            ramShare,
            gpuNote);
        return new ProcessEnergy(cpuJoules, gpuJoules, ramJoules, snapshot.EnergySource, snapshot.IsMeasured, detail);
    }
}
