using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace CarbonGen.Measurement;

/// <summary>
/// CPU energy from hwmon energy counters (<c>$CARBONGEN_SYSFS_ROOT/class/hwmon/hwmon*/energy*_input</c>, µJ),
/// e.g. the <c>amd_energy</c> driver on AMD Zen parts where powercap RAPL is missing.
/// </summary>
/// <remarks>
/// A device's counters are chosen so that nothing is counted twice: the socket counters
/// (<c>Esocket*</c> labels) when there are any, since <c>amd_energy</c> also exposes one counter per core
/// inside each socket; else the only counter of the device; else the counters whose label names a
/// socket, package or CPU. GPU drivers' hwmon devices (<c>amdgpu</c>, <c>i915</c>, <c>xe</c>,
/// <c>nouveau</c>) are not CPU energy and are skipped. There is no range file: a backwards counter is a
/// reset (see <see cref="CounterTrack"/>).
/// </remarks>
internal sealed class HwmonEnergySource : IEnergySource
{
    private static readonly string[] s_gpuDrivers = ["amdgpu", "i915", "xe", "nouveau", "nvidia"];

    private readonly string _sysfsRoot;
    private readonly Action<string> _warn;
    private CounterFile[] _files = [];
    private CounterTrack[] _tracks = [];

    internal HwmonEnergySource(MeasurementSettings settings, Action<string> warn)
    {
        _sysfsRoot = settings.SysfsRoot;
        _warn = warn;
    }

    public string Name => EnergySourceNames.Hwmon;

    public EnergyComponent Component => EnergyComponent.Cpu;

    public bool IsMeasured => true;

    public EnergySourceStatus Status { get; private set; } = EnergySourceStatus.NotStarted;

    /// <summary>The counter files read, once started.</summary>
    internal IReadOnlyList<string> Counters { get; private set; } = [];

    public bool TryStart(double now)
    {
        var classDir = Path.Combine(_sysfsRoot, "class", "hwmon");
        var chosen = new List<(string Path, string Label)>();
        var skipped = new StringBuilder();
        foreach (var device in SysfsText.Entries(classDir))
        {
            var driver = SysfsText.TryReadLine(Path.Combine(device, "name")) ?? Path.GetFileName(device);
            var inputs = new List<(string Path, string Label)>();
            foreach (var file in SysfsText.Entries(device))
            {
                var fileName = Path.GetFileName(file);
                if (fileName.StartsWith("energy", StringComparison.Ordinal) && fileName.EndsWith("_input", StringComparison.Ordinal))
                {
                    var label = SysfsText.TryReadLine(Path.Combine(device, fileName[..^"_input".Length] + "_label")) ?? string.Empty;
                    inputs.Add((file, label));
                }
            }

            if (inputs.Count == 0)
            {
                continue;
            }

            if (Array.IndexOf(s_gpuDrivers, driver) >= 0)
            {
                skipped.Append("; ").Append(driver).Append(" is a GPU driver");
                continue;
            }

            var sockets = inputs.FindAll(static i => i.Label.StartsWith("Esocket", StringComparison.OrdinalIgnoreCase));
            if (sockets.Count == 0 && inputs.Count == 1)
            {
                sockets = inputs;
            }

            if (sockets.Count == 0)
            {
                sockets = inputs.FindAll(static i =>
                    i.Label.Contains("socket", StringComparison.OrdinalIgnoreCase)
                    || i.Label.Contains("package", StringComparison.OrdinalIgnoreCase)
                    || i.Label.Contains("cpu", StringComparison.OrdinalIgnoreCase));
            }

            if (sockets.Count == 0)
            {
                skipped.Append("; ").Append(driver).Append(": no socket-level counter among ").Append(inputs.Count).Append(" (labels do not say what they cover)");
                continue;
            }

            chosen.AddRange(sockets);
        }

        if (chosen.Count == 0)
        {
            Status = EnergySourceStatus.NotUsed($"no CPU energy*_input counter under {classDir}{skipped}");
            return false;
        }

        var files = new CounterFile[chosen.Count];
        var tracks = new CounterTrack[chosen.Count];
        for (var i = 0; i < chosen.Count; i++)
        {
            var file = CounterFile.TryOpen(chosen[i].Path, out var failure, out var error);
            string? readError = null;
            if (file is null || !file.TryRead(out var first, out readError))
            {
                file?.Dispose();
                for (var j = 0; j < i; j++)
                {
                    files[j].Dispose();
                }

                Status = EnergySourceStatus.NotUsed(failure == OpenFailure.PermissionDenied
                    ? $"{chosen[i].Path} is not readable by this user (chmod a+r it, or a udev rule for the hwmon device)"
                    : readError ?? $"{chosen[i].Path}: {error}");
                return false;
            }

            files[i] = file;
            tracks[i] = new CounterTrack(first, now, 1e-6, 0);
        }

        _files = files;
        _tracks = tracks;
        var names = new string[chosen.Count];
        var description = new StringBuilder();
        for (var i = 0; i < chosen.Count; i++)
        {
            names[i] = chosen[i].Path;
            description.Append(i == 0 ? string.Empty : " + ").Append(chosen[i].Path);
            if (chosen[i].Label.Length > 0)
            {
                description.Append(" (").Append(chosen[i].Label).Append(')');
            }
        }

        Counters = names;
        Status = EnergySourceStatus.Used(description.ToString());
        return true;
    }

    public bool TryRead(double now, out double joules)
    {
        joules = 0;
        if (CounterReading.TryReadAll(_files, _tracks, now, _warn, static _ => string.Empty, out joules) is { } failure)
        {
            Status = EnergySourceStatus.Failed(failure);
            return false;
        }

        return true;
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
