using System;
using System.Collections.Generic;
using System.IO;

namespace CarbonGen.Measurement;

/// <summary>What <c>$CARBONGEN_PROCFS_ROOT/cpuinfo</c> says about the CPUs.</summary>
/// <param name="ModelName">The first <c>model name</c> (x86), else <c>Hardware</c>/<c>cpu model</c> (some ARM and MIPS kernels); <see langword="null"/> when none.</param>
/// <param name="Sockets">Distinct <c>physical id</c> values; 1 when the kernel does not list any.</param>
/// <param name="LogicalCpus">The <c>processor</c> entries; <see cref="Environment.ProcessorCount"/> when none.</param>
/// <param name="IsVirtualMachine">The <c>hypervisor</c> flag is set: the CPU's TDP is the whole host socket's, not this guest's.</param>
/// <param name="IsArm">An ARM CPU (<c>CPU implementer</c> lines), for the RAM model.</param>
internal sealed record CpuInfo(string? ModelName, int Sockets, int LogicalCpus, bool IsVirtualMachine, bool IsArm)
{
    internal static CpuInfo Read(string procfsRoot)
    {
        try
        {
            return Parse(File.ReadAllText(Path.Combine(procfsRoot, "cpuinfo")));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new CpuInfo(null, 1, Environment.ProcessorCount, false, System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture is System.Runtime.InteropServices.Architecture.Arm64 or System.Runtime.InteropServices.Architecture.Arm);
        }
    }

    internal static CpuInfo Parse(string text)
    {
        string? model = null, fallbackModel = null;
        var sockets = new HashSet<string>(StringComparer.Ordinal);
        var logical = 0;
        var hypervisor = false;
        var arm = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var colon = rawLine.IndexOf(':');
            if (colon < 0)
            {
                continue;
            }

            var key = rawLine[..colon].Trim();
            var value = rawLine[(colon + 1)..].Trim();
            switch (key)
            {
                case "processor" when int.TryParse(value, out _):
                    logical++;
                    break;
                case "model name" when model is null && value.Length > 0:
                    model = value;
                    break;
                case "Hardware" or "cpu model" when fallbackModel is null && value.Length > 0:
                    fallbackModel = value;
                    break;
                case "physical id":
                    sockets.Add(value);
                    break;
                case "flags" when !hypervisor:
                    hypervisor = (" " + value + " ").Contains(" hypervisor ", StringComparison.Ordinal);
                    break;
                case "CPU implementer":
                    arm = true;
                    break;
            }
        }

        return new CpuInfo(model ?? fallbackModel, Math.Max(1, sockets.Count), logical > 0 ? logical : Environment.ProcessorCount, hypervisor, arm);
    }
}

/// <summary>Installed memory from <c>$CARBONGEN_PROCFS_ROOT/meminfo</c>.</summary>
internal static class MemInfo
{
    /// <summary><c>MemTotal</c> in GiB, or <see langword="null"/> when the file cannot be read.</summary>
    internal static double? ReadTotalGibibytes(string procfsRoot)
    {
        try
        {
            foreach (var line in File.ReadLines(Path.Combine(procfsRoot, "meminfo")))
            {
                if (line.StartsWith("MemTotal:", StringComparison.Ordinal))
                {
                    var parts = line["MemTotal:".Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (parts.Length >= 1 && ulong.TryParse(parts[0], out var kib) && kib > 0)
                    {
                        return kib / (1024.0 * 1024.0);
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return null;
    }
}
