using System;
using System.Globalization;

namespace CarbonGen.Measurement;

/// <summary>
/// CPU energy estimated from the rated power and the machine's load (<see cref="CpuPowerModel"/>),
/// integrated at each reading: <c>E += P(u) × Δt</c> with <c>u</c> the busy share of all CPUs between
/// two readings of <c>$CARBONGEN_PROCFS_ROOT/stat</c>. Where that file cannot be read (Windows, macOS, a
/// restricted container) the load is taken as 50 % and the status says so; process mode then does not
/// share this figure but charges the process its own CPU time (<see cref="CpuTimePowerModel"/>).
/// </summary>
internal sealed class TdpModelSource : IEnergySource
{
    internal const double UnknownLoad = 0.5;

    private readonly MeasurementSettings _settings;
    private readonly CpuInfo? _cpuInfo;
    private ProcStatReader? _stat;
    private MachineCpuTimes _lastTimes;
    private bool _haveTimes;
    private double _lastTime;
    private double _joules;

    internal TdpModelSource(MeasurementSettings settings, CpuInfo? cpuInfo = null)
    {
        _settings = settings;
        _cpuInfo = cpuInfo;
    }

    public string Name => EnergySourceNames.TdpModel;

    public EnergyComponent Component => EnergyComponent.Cpu;

    public bool IsMeasured => false;

    public EnergySourceStatus Status { get; private set; } = EnergySourceStatus.NotStarted;

    internal CpuPowerModel? Model { get; private set; }

    /// <summary>The utilisation used for the last interval (0 to 1).</summary>
    internal double LastLoad { get; private set; } = UnknownLoad;

    public bool TryStart(double now)
    {
        var cpu = _cpuInfo ?? CpuInfo.Read(_settings.ProcfsRoot);
        Model = CpuPowerModel.Resolve(cpu, _settings.CpuTdpWatts);
        _stat = new ProcStatReader(_settings.ProcfsRoot);
        _haveTimes = _stat.TryReadMachine(out _lastTimes);
        _lastTime = now;
        _joules = 0;
        var load = _haveTimes
            ? "load from /proc/stat"
            : $"load unknown ({_stat.MachineError}), taken as {UnknownLoad * 100:0} %";
        Status = EnergySourceStatus.Used(string.Create(
            CultureInfo.InvariantCulture,
            $"{Model.TotalWatts:0.#} W rated ({Model.Description}); P = {Model.TotalWatts:0.#} W x (0.1 + 0.9 x load), {load}"));
        return true;
    }

    public bool TryRead(double now, out double joules)
    {
        var elapsed = now - _lastTime;
        if (elapsed > 0 && Model is not null)
        {
            if (_haveTimes && _stat!.TryReadMachine(out var times))
            {
                LastLoad = times.LoadSince(_lastTimes) ?? LastLoad;
                _lastTimes = times;
            }

            _joules += Model.Watts(LastLoad) * elapsed;
            _lastTime = now;
        }

        joules = _joules;
        return true;
    }

    public void Dispose() => _stat?.Dispose();
}
