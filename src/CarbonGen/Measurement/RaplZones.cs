using System;
using System.Collections.Generic;
using System.IO;

namespace CarbonGen.Measurement;

/// <summary>What a RAPL domain covers.</summary>
internal enum RaplDomainKind
{
    /// <summary>One CPU socket (<c>package-N</c>): cores, caches, uncore; on AMD the whole package.</summary>
    Package = 0,

    /// <summary>Memory attached to one socket.</summary>
    Dram = 1,

    /// <summary>The whole platform (SoC, memory, more) on client parts.</summary>
    Psys = 2,

    /// <summary><c>core</c>, <c>uncore</c> and others: part of a package, never added to it.</summary>
    Other = 3,
}

/// <summary>One powercap zone with an energy counter.</summary>
/// <param name="Directory">The zone's folder, e.g. <c>/sys/class/powercap/intel-rapl:0:2</c>.</param>
/// <param name="Zone">The folder's name, e.g. <c>intel-rapl:0:2</c> or <c>intel-rapl-mmio:0</c>.</param>
/// <param name="Name">The zone's <c>name</c> file: <c>package-0</c>, <c>dram</c>, <c>psys</c>, <c>core</c>...</param>
/// <param name="Key">What identifies the domain across the MSR and MMIO interfaces: its name, prefixed by its package's for a subzone (<c>package-1/dram</c>).</param>
/// <param name="Kind">What it covers.</param>
/// <param name="IsMmio">Whether it comes from <c>intel-rapl-mmio</c>.</param>
internal sealed record RaplZone(string Directory, string Zone, string Name, string Key, RaplDomainKind Kind, bool IsMmio)
{
    internal string EnergyPath => Path.Combine(Directory, "energy_uj");

    internal string MaxRangePath => Path.Combine(Directory, "max_energy_range_uj");
}

/// <summary>
/// Finds the RAPL zones under <c>$CARBONGEN_SYSFS_ROOT/class/powercap</c>: <c>intel-rapl:*</c> (MSR; AMD's
/// RAPL appears there too) and <c>intel-rapl-mmio:*</c>. The same domain seen through both interfaces
/// shares a <see cref="RaplZone.Key"/> and is counted once.
/// </summary>
internal static class RaplZones
{
    internal const string MsrPrefix = "intel-rapl:";
    internal const string MmioPrefix = "intel-rapl-mmio:";

    internal static string PowercapDirectory(string sysfsRoot) => Path.Combine(sysfsRoot, "class", "powercap");

    /// <summary>Every zone with an <c>energy_uj</c> file, MSR zones first, in name order.</summary>
    internal static List<RaplZone> Scan(string sysfsRoot)
    {
        var zones = new List<RaplZone>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var entries = SysfsText.Entries(PowercapDirectory(sysfsRoot));

        // First the names of every zone, so a subzone can find its package's name.
        foreach (var entry in entries)
        {
            var zone = Path.GetFileName(entry);
            if (IsZone(zone))
            {
                var name = SysfsText.TryReadLine(Path.Combine(entry, "name"));
                if (!string.IsNullOrEmpty(name))
                {
                    names[zone] = name!;
                }
            }
        }

        foreach (var isMmio in new[] { false, true })
        {
            foreach (var entry in entries)
            {
                var zone = Path.GetFileName(entry);
                if (!IsZone(zone) || zone.StartsWith(MmioPrefix, StringComparison.Ordinal) != isMmio || !names.TryGetValue(zone, out var name))
                {
                    continue;
                }

                if (!File.Exists(Path.Combine(entry, "energy_uj")) && !Directory.Exists(Path.Combine(entry, "energy_uj")))
                {
                    continue;
                }

                var key = name;
                var lastColon = zone.LastIndexOf(':');
                var firstColon = zone.IndexOf(':');
                if (lastColon != firstColon)
                {
                    // A subzone (intel-rapl:1:0): its domain belongs to the package zone intel-rapl:1.
                    var parent = zone[..lastColon];
                    key = (names.TryGetValue(parent, out var parentName) ? parentName : parent) + "/" + name;
                }

                zones.Add(new RaplZone(entry, zone, name, key, Classify(name), isMmio));
            }
        }

        return zones;
    }

    private static bool IsZone(string zone) =>
        (zone.StartsWith(MsrPrefix, StringComparison.Ordinal) || zone.StartsWith(MmioPrefix, StringComparison.Ordinal)) && zone.IndexOf(':') < zone.Length - 1;

    internal static RaplDomainKind Classify(string name) =>
        name.StartsWith("package", StringComparison.OrdinalIgnoreCase) ? RaplDomainKind.Package
        : name.Equals("dram", StringComparison.OrdinalIgnoreCase) ? RaplDomainKind.Dram
        : name.Equals("psys", StringComparison.OrdinalIgnoreCase) ? RaplDomainKind.Psys
        : RaplDomainKind.Other;
}
