using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CarbonGen.Measurement;

/// <summary>The energy of one GPU so far.</summary>
/// <param name="Index">NVML's index (PCI bus order).</param>
/// <param name="Name">The board's name, e.g. <c>NVIDIA H200</c>.</param>
/// <param name="Uuid">Its UUID, or empty.</param>
/// <param name="Joules">Energy of the whole GPU since the start.</param>
/// <param name="Method"><c>energy counter</c> or <c>power samples</c> (integrated by the trapezoidal rule at each reading).</param>
/// <param name="ProcessJoules">This process's share, from the driver's per-process SM utilisation over each interval; <see langword="null"/> when the driver does not report it.</param>
/// <param name="Failure">Why the GPU stopped being read mid-run (its figure up to then is kept), or <see langword="null"/>.</param>
internal sealed record GpuEnergy(int Index, string Name, string Uuid, double Joules, string Method, double? ProcessJoules, string? Failure);

/// <summary>
/// GPU energy from NVIDIA's NVML: each visible GPU's total-energy counter (mJ, Volta and later) where it
/// has one, else its power (mW) integrated between readings. No library, no driver or no GPU: the source is
/// not used and the GPU is simply absent from the figures.
/// </summary>
/// <remarks>
/// <para>The library is <c>CARBONGEN_NVML_LIBRARY</c> when set, else <c>libnvidia-ml.so.1</c> (<c>nvml.dll</c> on
/// Windows). <c>CUDA_VISIBLE_DEVICES</c> selects the GPUs (see <see cref="CudaVisibleDevices"/>).</para>
/// <para>A GPU whose energy counter fails mid-run continues on power samples from that reading on; one
/// whose power reading fails too keeps its figure and is dropped, with a warning. When every GPU has
/// failed the source fails.</para>
/// <para>Per-process share: <c>nvmlDeviceGetProcessUtilization</c> gives SM utilisation samples per process
/// since the last call; each interval's energy is multiplied by this process's share of the samples' SM
/// utilisation (0 when no process used the GPU). Processes are matched by pid, which inside a container
/// with its own pid namespace differs from the driver's: there the share reads 0. Compute-process lists
/// (<c>nvmlDeviceGetComputeRunningProcesses</c>) and memory-based shares are not used yet.</para>
/// </remarks>
internal sealed class NvmlEnergySource : IEnergySource
{
    private readonly MeasurementSettings _settings;
    private readonly Action<string> _warn;
    private NvmlLibrary? _nvml;
    private bool _initialised;
    private Device[] _devices = [];
    private NvmlProcessUtilizationSample[] _samples = new NvmlProcessUtilizationSample[16];
    private readonly uint _pid = (uint)Environment.ProcessId;

    internal NvmlEnergySource(MeasurementSettings settings, Action<string> warn)
    {
        _settings = settings;
        _warn = warn;
    }

    public string Name => EnergySourceNames.Nvml;

    public EnergyComponent Component => EnergyComponent.Gpu;

    public bool IsMeasured => true;

    public EnergySourceStatus Status { get; private set; } = EnergySourceStatus.NotStarted;

    /// <summary>The GPUs read, with their energy so far.</summary>
    internal IReadOnlyList<GpuEnergy> Gpus
    {
        get
        {
            var list = new GpuEnergy[_devices.Length];
            for (var i = 0; i < list.Length; i++)
            {
                var d = _devices[i];
                list[i] = new GpuEnergy(d.Index, d.Name, d.Uuid, d.Joules, d.UsesCounter ? "energy counter" : "power samples", d.ProcessShareSupported ? d.ProcessJoules : null, d.Failure);
            }

            return list;
        }
    }

    public bool TryStart(double now)
    {
        var name = _settings.NvmlLibrary ?? NvmlLibrary.DefaultName;
        if (name is null)
        {
            Status = EnergySourceStatus.NotUsed("NVML does not exist on this platform");
            return false;
        }

        _nvml = NvmlLibrary.TryLoad(name);
        if (_nvml is null)
        {
            if (_settings.NvmlLibrary is not null)
            {
                _warn($"CarbonGen: warning: {MeasurementSettings.NvmlLibraryVariable}='{name}' could not be loaded; set it to the path of libnvidia-ml.so.1 or unset it. GPU energy is not measured.");
            }

            Status = EnergySourceStatus.NotUsed($"{name} could not be loaded (no NVIDIA driver)");
            return false;
        }

        if (_nvml.Missing is not null)
        {
            Status = EnergySourceStatus.NotUsed($"{name} has no {_nvml.Missing}: not a usable NVML");
            return false;
        }

        var code = _nvml.Init();
        if (code != NvmlLibrary.Success)
        {
            Status = EnergySourceStatus.NotUsed($"nvmlInit_v2 failed: {_nvml.Describe(code)}");
            return false;
        }

        _initialised = true;
        code = _nvml.GetCount(out var count);
        if (code != NvmlLibrary.Success || count == 0)
        {
            Status = EnergySourceStatus.NotUsed(code != NvmlLibrary.Success ? $"nvmlDeviceGetCount_v2 failed: {_nvml.Describe(code)}" : "the NVIDIA driver reports no GPU");
            ShutDown();
            return false;
        }

        var handles = new IntPtr[count];
        var uuids = new string[count];
        var problems = new StringBuilder();
        for (var i = 0u; i < count; i++)
        {
            code = _nvml.GetHandle(i, out handles[i]);
            if (code != NvmlLibrary.Success)
            {
                handles[i] = IntPtr.Zero;
                problems.Append("; GPU ").Append(i).Append(": nvmlDeviceGetHandleByIndex_v2 failed: ").Append(_nvml.Describe(code));
            }

            uuids[i] = handles[i] != IntPtr.Zero && _nvml.GetUuid(handles[i], out var uuid) == NvmlLibrary.Success ? uuid : string.Empty;
        }

        var visible = CudaVisibleDevices.Select(_settings.CudaVisibleDevices, uuids, out var note);
        if (note is not null)
        {
            _warn("CarbonGen: warning: " + note + ".");
            problems.Append("; ").Append(note);
        }

        var devices = new List<Device>();
        foreach (var index in visible)
        {
            var handle = handles[index];
            if (handle == IntPtr.Zero)
            {
                continue;
            }

            var device = new Device(index, handle, _nvml.GetName(handle, out var gpuName) == NvmlLibrary.Success ? gpuName : "GPU " + index, uuids[index])
            {
                LastTime = now,
            };

            if (_nvml.GetTotalEnergy(handle, out var millijoules) == NvmlLibrary.Success)
            {
                device.UsesCounter = true;
                device.Counter = new CounterTrack(millijoules, now, 1e-3, 0);
            }
            else if ((code = _nvml.GetPower(handle, out var milliwatts)) == NvmlLibrary.Success)
            {
                device.LastWatts = milliwatts / 1000.0;
            }
            else
            {
                problems.Append("; GPU ").Append(index).Append(": no energy counter and nvmlDeviceGetPowerUsage failed: ").Append(_nvml.Describe(code));
                continue;
            }

            device.ProcessShareSupported = _nvml.HasProcessUtilization;
            devices.Add(device);
        }

        if (devices.Count == 0)
        {
            Status = EnergySourceStatus.NotUsed(visible.Count == 0
                ? $"CUDA_VISIBLE_DEVICES='{_settings.CudaVisibleDevices}' hides all {count} GPU(s){problems}"
                : $"no GPU could be read{problems}");
            ShutDown();
            return false;
        }

        _devices = devices.ToArray();
        var text = new StringBuilder();
        text.Append(_devices.Length).Append(" of ").Append(count).Append(" GPU(s) via ").Append(_nvml.Name).Append(':');
        foreach (var d in _devices)
        {
            text.Append(' ').Append(d.Index).Append(' ').Append(d.Name).Append(d.UsesCounter ? " (energy counter)" : " (power samples)").Append(',');
        }

        text.Length--;
        Status = EnergySourceStatus.Used(text.Append(problems).ToString());
        return true;
    }

    public bool TryRead(double now, out double joules)
    {
        joules = 0;
        var live = 0;
        foreach (var device in _devices)
        {
            if (device.Failure is null)
            {
                ReadDevice(device, now);
            }

            if (device.Failure is null)
            {
                live++;
            }

            joules += device.Joules;
        }

        if (live == 0 && _devices.Length > 0)
        {
            Status = EnergySourceStatus.Failed("no GPU can be read any more: " + _devices[0].Failure);
            return false;
        }

        return true;
    }

    private void ReadDevice(Device device, double now)
    {
        var nvml = _nvml!;
        var elapsed = Math.Max(0, now - device.LastTime);
        var before = device.Joules;
        if (device.UsesCounter)
        {
            var code = nvml.GetTotalEnergy(device.Handle, out var millijoules);
            if (code == NvmlLibrary.Success)
            {
                var step = device.Counter.Advance(millijoules, now);
                if (step == CounterStep.Implausible)
                {
                    Fail(device, string.Create(CultureInfo.InvariantCulture, $"its energy counter jumped to {millijoules} mJ, more than {CounterTrack.MaxPlausibleWatts} W could use"));
                    return;
                }

                device.Joules = device.Counter.Joules;
            }
            else
            {
                // Carry on with power samples from now: this interval is integrated at the current power.
                var power = nvml.GetPower(device.Handle, out var milliwatts);
                if (power != NvmlLibrary.Success)
                {
                    Fail(device, $"nvmlDeviceGetTotalEnergyConsumption failed ({nvml.Describe(code)}) and so did nvmlDeviceGetPowerUsage ({nvml.Describe(power)})");
                    return;
                }

                _warn($"CarbonGen: warning: GPU {device.Index} ({device.Name}): nvmlDeviceGetTotalEnergyConsumption failed ({nvml.Describe(code)}); continuing with power samples, the {device.Joules:0.###} J measured so far are kept.");
                device.UsesCounter = false;
                device.LastWatts = milliwatts / 1000.0;
                device.Joules += device.LastWatts * elapsed;
            }
        }
        else
        {
            var code = nvml.GetPower(device.Handle, out var milliwatts);
            if (code != NvmlLibrary.Success)
            {
                Fail(device, $"nvmlDeviceGetPowerUsage failed: {nvml.Describe(code)}");
                return;
            }

            var watts = milliwatts / 1000.0;
            device.Joules += (device.LastWatts + watts) / 2 * elapsed;
            device.LastWatts = watts;
        }

        device.LastTime = now;
        if (device.ProcessShareSupported)
        {
            device.ProcessJoules += (device.Joules - before) * ProcessShare(device);
        }
    }

    /// <summary>This process's share of the GPU's SM utilisation since the previous reading (0 to 1).</summary>
    private double ProcessShare(Device device)
    {
        var nvml = _nvml!;
        uint count = 0;
        var code = nvml.GetProcessUtilization(device.Handle, [], ref count, device.LastSeen);
        if (code == NvmlLibrary.ErrorNotFound || (code == NvmlLibrary.Success && count == 0))
        {
            return 0;
        }

        if (code == NvmlLibrary.ErrorInsufficientSize)
        {
            if (count > _samples.Length)
            {
                _samples = new NvmlProcessUtilizationSample[Math.Max(count, (uint)_samples.Length * 2)];
            }

            count = (uint)_samples.Length;
            code = nvml.GetProcessUtilization(device.Handle, _samples, ref count, device.LastSeen);
        }

        if (code != NvmlLibrary.Success)
        {
            device.ProcessShareSupported = false;
            if (code != NvmlLibrary.ErrorNotSupported)
            {
                _warn($"CarbonGen: warning: GPU {device.Index} ({device.Name}): nvmlDeviceGetProcessUtilization failed ({nvml.Describe(code)}); this process's share of the GPU is not reported.");
            }

            return 0;
        }

        double mine = 0, all = 0;
        for (var i = 0; i < count && i < _samples.Length; i++)
        {
            all += _samples[i].SmUtil;
            if (_samples[i].Pid == _pid)
            {
                mine += _samples[i].SmUtil;
            }

            device.LastSeen = Math.Max(device.LastSeen, _samples[i].TimeStamp);
        }

        return all > 0 ? mine / all : 0;
    }

    private void Fail(Device device, string why)
    {
        device.Failure = why;
        _warn($"CarbonGen: warning: GPU {device.Index} ({device.Name}) is no longer read: {why}. The {device.Joules.ToString("0.###", CultureInfo.InvariantCulture)} J measured so far are kept.");
    }

    private void ShutDown()
    {
        if (_initialised && _nvml is not null)
        {
            _nvml.Shutdown();
            _initialised = false;
        }
    }

    public void Dispose() => ShutDown();

    private sealed class Device(int index, IntPtr handle, string name, string uuid)
    {
        internal int Index { get; } = index;

        internal IntPtr Handle { get; } = handle;

        internal string Name { get; } = name;

        internal string Uuid { get; } = uuid;

        internal bool UsesCounter { get; set; }

        internal CounterTrack Counter;

        internal double LastWatts { get; set; }

        internal double LastTime { get; set; }

        internal double Joules { get; set; }

        internal bool ProcessShareSupported { get; set; }

        internal double ProcessJoules { get; set; }

        internal ulong LastSeen { get; set; }

        internal string? Failure { get; set; }
    }
}
