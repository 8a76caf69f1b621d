using CarbonGen.Measurement;

namespace CarbonGen.Tests.Measurement;

/// <summary>A source of constant power, integrated exactly from its start: the energy a test expects is known.</summary>
internal sealed class ConstantSource(string name, EnergyComponent component, double watts) : IEnergySource
{
    private double _start;

    public string Name { get; } = name;

    public EnergyComponent Component { get; } = component;

    public bool IsMeasured => true;

    public EnergySourceStatus Status { get; private set; } = EnergySourceStatus.NotStarted;

    public bool TryStart(double now)
    {
        _start = now;
        Status = EnergySourceStatus.Used($"{watts} W");
        return true;
    }

    public bool TryRead(double now, out double joules)
    {
        joules = watts * (now - _start);
        return true;
    }

    public void Dispose()
    {
    }
}
