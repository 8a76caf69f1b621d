using System;
using System.IO;
using System.Runtime.InteropServices;

namespace CarbonGen.Measurement;

/// <summary>Static facts about the machine for the <c>emissions.csv</c> columns; read once, at report time.</summary>
internal static class MachineInfo
{
    internal static string OperatingSystem => RuntimeInformation.OSDescription;

    internal static string RuntimeVersion => Environment.Version.ToString();

    internal static int LogicalCpuCount => Environment.ProcessorCount;

    internal static double TotalMemoryGigabytes => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);

    internal static string CpuModel { get; } = ReadCpuModel();

    private static string ReadCpuModel()
    {
        try
        {
            if (!global::System.OperatingSystem.IsLinux() || !File.Exists("/proc/cpuinfo"))
            {
                return RuntimeInformation.ProcessArchitecture.ToString();
            }

            foreach (var line in File.ReadLines("/proc/cpuinfo"))
            {
                if (line.StartsWith("model name", StringComparison.Ordinal))
                {
                    var colon = line.IndexOf(':');
                    if (colon >= 0)
                    {
                        return line[(colon + 1)..].Trim();
                    }
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}
