using System;
using System.Globalization;
using System.Linq;
using CarbonGen.Measurement;
using CarbonGen.Reporting;

namespace CarbonGen.Runtime.Attribution;

/// <summary>
/// The process's part of the machine's energy. In <c>process</c> mode (the default): CPU energy times
/// the process's share of the machine's busy CPU time over the same interval, memory energy times its
/// share of the machine's memory, GPU energy as the driver attributes it to the process (the whole GPU
/// where the driver cannot). In <c>machine</c> mode: everything the machine used.
/// </summary>
internal static class ProcessEnergyAttribution
{
    internal static ProcessEnergy From(EnergySnapshot snapshot, TrackingMode mode, ProcessSample process, double totalMemoryGigabytes)
    {
        var culture = CultureInfo.InvariantCulture;
        if (!snapshot.Cpu.IsPresent)
        {
            // No source could estimate the machine's CPU (no procfs): fall back to the CPU-time model.
            var model = ProcessEnergy.FromCpuTimeModel(process);
            return model with { Detail = model.Detail + "; no power source was usable: " + string.Join("; ", snapshot.Sources) };
        }

        var gpuJoules = mode == TrackingMode.Machine
            ? snapshot.Gpu.Joules
            : snapshot.Gpus.Sum(g => g.ProcessJoules ?? g.Joules);

        if (mode == TrackingMode.Machine)
        {
            return new ProcessEnergy(snapshot.Cpu.Joules, gpuJoules, snapshot.Ram.Joules, snapshot.EnergySource, snapshot.IsMeasured, "machine mode: the whole machine's energy");
        }

        var cpuShare = snapshot.ProcessCpuShare ?? 1.0;
        var ramShare = totalMemoryGigabytes > 0 ? Math.Clamp(process.WorkingSetGigabytes / totalMemoryGigabytes, 0, 1) : 1.0;
        var gpuNote = snapshot.Gpus.Count == 0
            ? string.Empty
            : snapshot.Gpus.All(g => g.ProcessJoules is not null) ? ", the GPU energy the driver attributes to it" : ", the whole GPU energy (the driver reports no per-process share)";
        var detail = string.Format(
            culture,
            "process mode: {0:0.#%} of the machine's busy CPU time, {1:0.##%} of its memory{2}",
            cpuShare,
            ramShare,
            gpuNote);
        return new ProcessEnergy(snapshot.Cpu.Joules * cpuShare, gpuJoules, snapshot.Ram.Joules * ramShare, snapshot.EnergySource, snapshot.IsMeasured, detail);
    }
}
