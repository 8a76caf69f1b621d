using System;
using System.Runtime.InteropServices;

namespace CarbonGen.Measurement;

/// <summary>Static facts about the machine for the <c>emissions.csv</c> columns; read once, at report time.</summary>
internal static class MachineInfo
{
    internal static string OperatingSystem => RuntimeInformation.OSDescription;

    internal static string RuntimeVersion => Environment.Version.ToString();

    internal static int LogicalCpuCount => Environment.ProcessorCount;

    /// <summary>
    /// The machine's memory in GiB: <c>MemTotal</c> under <c>$CARBONGEN_PROCFS_ROOT</c>, the figure the RAM
    /// model powers (so that process mode's memory share is of the same memory); elsewhere the runtime's
    /// view, which inside a container with a memory limit is that limit.
    /// </summary>
    internal static double TotalMemoryGigabytes { get; } = ReadTotalMemoryGigabytes(MeasurementSettings.ProcfsRootFromEnvironment());

    /// <summary><c>MemTotal</c> under <paramref name="procfsRoot"/>, else the memory the runtime may use.</summary>
    internal static double ReadTotalMemoryGigabytes(string procfsRoot) =>
        MemInfo.ReadTotalGibibytes(procfsRoot) ?? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);

    /// <summary>The CPU model from <c>$CARBONGEN_PROCFS_ROOT/cpuinfo</c>, as the energy sources read it.</summary>
    internal static string CpuModel { get; } = ReadCpuModel(MeasurementSettings.ProcfsRootFromEnvironment());

    /// <summary>
    /// The model name in <c>cpuinfo</c> under <paramref name="procfsRoot"/>; the process architecture
    /// (<c>X64</c>, <c>Arm64</c>) where there is none (Windows, macOS, an unreadable file).
    /// </summary>
    internal static string ReadCpuModel(string procfsRoot)
    {
        try
        {
            if (CpuInfo.Read(procfsRoot).ModelName is { } model)
            {
                return model;
            }
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            // A root that is not a valid path: this only labels a CSV column, so the architecture stands in.
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}
