using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CarbonGen.Measurement;

/// <summary>
/// CPU or memory energy from RAPL counters through Linux powercap (<c>energy_uj</c>, µJ).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>CPU: the <c>package-N</c> domains summed over sockets; <c>psys</c> (whole platform) instead when
/// <see cref="MeasurementSettings.PreferPsys"/> is set or when there is no package domain. <c>core</c>
/// and <c>uncore</c> are parts of a package and never added to it.</item>
/// <item>RAM: the <c>dram</c> domains summed over sockets. When the CPU figure comes from <c>psys</c>,
/// memory is already in it and this source reports 0 J, so nothing is counted twice.</item>
/// <item>A domain seen through both <c>intel-rapl</c> (MSR) and <c>intel-rapl-mmio</c> is read once,
/// from the MSR zone when it opens, else from the MMIO one.</item>
/// <item>Wraparound: a counter that goes backwards by less than <c>max_energy_range_uj</c> allows
/// wrapped (error at most one energy unit, 15.3 µJ on Intel, per wrap). When that file is unreadable, or
/// the wrap would imply more than <see cref="CounterTrack.MaxPlausibleWatts"/>, it is a reset: counted
/// from 0, never negative, with a warning; a second reset on a domain stops the source.</item>
/// <item><c>energy_uj</c> is root-only since Linux 5.10 (CVE-2020-8694): one warning names the file and
/// the fix, and the next source is used.</item>
/// </list>
/// </remarks>
internal sealed class RaplEnergySource : IEnergySource
{
    private readonly string _sysfsRoot;
    private readonly bool _preferPsys;
    private readonly Action<string> _warn;
    private readonly OnceFlag _permissionWarning;
    private List<RaplZone>? _zones;
    private CounterFile[] _files = [];
    private CounterTrack[] _tracks = [];
    private RaplZone[] _domains = [];
    private bool _includedInPsys;

    /// <param name="component"><see cref="EnergyComponent.Cpu"/> or <see cref="EnergyComponent.Ram"/>.</param>
    /// <param name="settings">The sysfs root and the psys preference.</param>
    /// <param name="warn">Receives warnings meant for people.</param>
    /// <param name="permissionWarning">Shared by the CPU and RAM sources so that an unreadable <c>energy_uj</c> is reported once.</param>
    /// <param name="zones">The zones found by <see cref="RaplZones.Scan"/>, when already scanned.</param>
    internal RaplEnergySource(EnergyComponent component, MeasurementSettings settings, Action<string> warn, OnceFlag permissionWarning, List<RaplZone>? zones = null)
    {
        if (component == EnergyComponent.Gpu)
        {
            throw new ArgumentOutOfRangeException(nameof(component), "RAPL measures CPU packages and memory only.");
        }

        Component = component;
        _sysfsRoot = settings.SysfsRoot;
        _preferPsys = settings.PreferPsys;
        _warn = warn;
        _permissionWarning = permissionWarning;
        _zones = zones;
    }

    public string Name => EnergySourceNames.Rapl;

    public EnergyComponent Component { get; }

    public bool IsMeasured => true;

    public EnergySourceStatus Status { get; private set; } = EnergySourceStatus.NotStarted;

    /// <summary>The zones read, e.g. <c>intel-rapl:0</c>; empty until started.</summary>
    internal IReadOnlyList<RaplZone> Domains => _domains;

    public bool TryStart(double now)
    {
        _zones ??= RaplZones.Scan(_sysfsRoot);
        var dir = RaplZones.PowercapDirectory(_sysfsRoot);
        if (_zones.Count == 0)
        {
            Status = EnergySourceStatus.NotUsed($"no RAPL zone under {dir} (no powercap RAPL driver: a virtual machine, a container without the host's /sys, or not Linux)");
            return false;
        }

        var hasPackage = _zones.Exists(static z => z.Kind == RaplDomainKind.Package);
        var hasPsys = _zones.Exists(static z => z.Kind == RaplDomainKind.Psys);
        var usePsys = hasPsys && (_preferPsys || !hasPackage);

        RaplDomainKind wanted;
        if (Component == EnergyComponent.Cpu)
        {
            if (!hasPackage && !hasPsys)
            {
                Status = EnergySourceStatus.NotUsed($"no package or psys domain under {dir}");
                return false;
            }

            wanted = usePsys ? RaplDomainKind.Psys : RaplDomainKind.Package;
        }
        else if (usePsys)
        {
            _includedInPsys = true;
            Status = EnergySourceStatus.Used("0 J here: memory is included in the CPU figure, which comes from the psys (whole platform) domain");
            return true;
        }
        else
        {
            if (!_zones.Exists(static z => z.Kind == RaplDomainKind.Dram))
            {
                Status = EnergySourceStatus.NotUsed($"no dram domain under {dir} (RAPL reports memory energy on server CPUs only)");
                return false;
            }

            wanted = RaplDomainKind.Dram;
        }

        // One reader per domain key: the MSR zone when it opens, else its MMIO duplicate.
        var keys = new List<string>();
        foreach (var zone in _zones)
        {
            if (zone.Kind == wanted && !keys.Contains(zone.Key))
            {
                keys.Add(zone.Key);
            }
        }

        var files = new List<CounterFile>();
        var domains = new List<RaplZone>();
        foreach (var key in keys)
        {
            CounterFile? opened = null;
            string? deniedPath = null;
            string? otherError = null;
            foreach (var zone in _zones)
            {
                if (zone.Key != key)
                {
                    continue;
                }

                opened = CounterFile.TryOpen(zone.EnergyPath, out var failure, out var error);
                if (opened is not null)
                {
                    domains.Add(zone);
                    break;
                }

                if (failure == OpenFailure.PermissionDenied)
                {
                    deniedPath ??= zone.EnergyPath;
                }
                else
                {
                    otherError ??= $"{zone.EnergyPath}: {error}";
                }
            }

            if (opened is null)
            {
                DisposeAll(files);
                if (deniedPath is not null)
                {
                    _permissionWarning.Warn(_warn, PermissionWarning(deniedPath));
                    Status = EnergySourceStatus.NotUsed($"{deniedPath} is not readable by this user (root-only since Linux 5.10); see the warning for the fix");
                }
                else
                {
                    Status = EnergySourceStatus.NotUsed($"the {key} domain cannot be opened ({otherError})");
                }

                return false;
            }

            files.Add(opened);
        }

        var tracks = new CounterTrack[files.Count];
        var notes = new StringBuilder();
        for (var i = 0; i < files.Count; i++)
        {
            if (!files[i].TryRead(out var first, out var error))
            {
                DisposeAll(files);
                Status = EnergySourceStatus.NotUsed(error!);
                return false;
            }

            var max = SysfsText.TryReadUInt64(domains[i].MaxRangePath) ?? 0;
            if (max == 0)
            {
                notes.Append("; ").Append(domains[i].Zone).Append(": max_energy_range_uj unreadable, a backwards counter counts as a reset");
            }

            tracks[i] = new CounterTrack(first, now, 1e-6, max);
        }

        _files = files.ToArray();
        _tracks = tracks;
        _domains = domains.ToArray();
        Status = EnergySourceStatus.Used(Describe(_domains) + notes);
        return true;
    }

    public bool TryRead(double now, out double joules)
    {
        joules = 0;
        if (_includedInPsys)
        {
            return true;
        }

        if (CounterReading.TryReadAll(_files, _tracks, now, _warn, static track => " and that is not a wraparound" + (track.MaxRange == 0 ? " (max_energy_range_uj is unreadable)" : string.Empty), out joules) is { } failure)
        {
            Status = EnergySourceStatus.Failed(failure);
            return false;
        }

        return true;
    }

    internal static string PermissionWarning(string path) =>
        $"CarbonGen: warning: RAPL energy cannot be read: {path} is readable by root only (Linux 5.10 and later, CVE-2020-8694). " +
        "Energy comes from the next source (hwmon or the TDP model for the CPU, the RAM model for memory) and is labelled so. To measure with RAPL, allow reading the counters: " +
        "until the next boot with 'sudo chmod a+r /sys/class/powercap/intel-rapl*/energy_uj /sys/class/powercap/intel-rapl*/*/energy_uj', " +
        "or for good with a udev rule, e.g. /etc/udev/rules.d/99-carbongen-rapl.rules containing " +
        "ACTION==\"add\", SUBSYSTEM==\"powercap\", RUN+=\"/bin/chmod a+r /sys%p/energy_uj\" (then 'sudo udevadm trigger').";

    private static string Describe(RaplZone[] domains)
    {
        var text = new StringBuilder();
        for (var i = 0; i < domains.Length; i++)
        {
            text.Append(i == 0 ? string.Empty : " + ").Append(domains[i].Key);
        }

        text.Append(" (");
        for (var i = 0; i < domains.Length; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append(domains[i].Zone);
        }

        return text.Append(')').ToString();
    }

    private static void DisposeAll(List<CounterFile> files)
    {
        foreach (var file in files)
        {
            file.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (var file in _files)
        {
            file.Dispose();
        }

        _files = [];
    }
}
