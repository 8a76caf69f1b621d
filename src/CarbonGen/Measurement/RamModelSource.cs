using System;
using System.Globalization;

namespace CarbonGen.Measurement;

/// <summary>
/// Memory energy estimated at a constant power for the whole machine: <c>CARBONGEN_RAM_WATTS</c>, else
/// <see cref="RamPowerModel"/> on <c>MemTotal</c> from <c>$CARBONGEN_PROCFS_ROOT/meminfo</c> (the GC's view
/// of available memory where there is no procfs).
/// </summary>
internal sealed class RamModelSource : IEnergySource
{
    private readonly MeasurementSettings _settings;
    private readonly CpuInfo? _cpuInfo;
    private double _start;

    internal RamModelSource(MeasurementSettings settings, CpuInfo? cpuInfo = null)
    {
        _settings = settings;
        _cpuInfo = cpuInfo;
    }

    public string Name => EnergySourceNames.RamModel;

    public EnergyComponent Component => EnergyComponent.Ram;

    public bool IsMeasured => false;

    public EnergySourceStatus Status { get; private set; } = EnergySourceStatus.NotStarted;

    internal double Watts { get; private set; }

    public bool TryStart(double now)
    {
        _start = now;
        if (_settings.RamWatts is { } configured)
        {
            Watts = configured;
            Status = EnergySourceStatus.Used(string.Create(CultureInfo.InvariantCulture, $"{configured} W ({MeasurementSettings.RamWattsVariable})"));
            return true;
        }

        var total = MemInfo.ReadTotalGibibytes(_settings.ProcfsRoot);
        var from = "MemTotal";
        if (total is null)
        {
            total = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
            from = "memory available to the runtime";
        }

        var arm = (_cpuInfo ?? CpuInfo.Read(_settings.ProcfsRoot)).IsArm;
        Watts = RamPowerModel.Watts(total.Value, arm);
        Status = EnergySourceStatus.Used(string.Create(
            CultureInfo.InvariantCulture,
            $"{Watts:0.#} W for {total.Value:0.#} GiB ({from}), about {RamPowerModel.EstimateDimms(total.Value)} DIMMs at {(arm ? RamPowerModel.WattsPerDimmArm : RamPowerModel.WattsPerDimmX86)} W; set {MeasurementSettings.RamWattsVariable} to override"));
        return true;
    }

    public bool TryRead(double now, out double joules)
    {
        joules = Watts * Math.Max(0, now - _start);
        return true;
    }

    public void Dispose()
    {
    }
}
