using System;
using CarbonGen.Measurement;

namespace CarbonGen.Tests.Measurement;

/// <summary>
/// A stand-in for a platform adapter: a constant power from <see cref="TryStart"/> on. Its fault modes
/// play a plug-in with a bug: throwing while starting, throwing mid-run, reporting a figure that is not
/// a number, or throwing when closed.
/// </summary>
internal sealed class ConstantSource(string name, EnergyComponent component, double watts) : IEnergySource
{
    private double _start;

    public string Name { get; } = name;

    public EnergyComponent Component { get; } = component;

    public bool IsMeasured => true;

    public EnergySourceStatus Status { get; private set; } = EnergySourceStatus.NotStarted;

    /// <summary>Thrown by <see cref="TryStart"/> when set.</summary>
    public Exception? ThrowOnStart { get; set; }

    /// <summary>Thrown by <see cref="TryRead"/> when set.</summary>
    public Exception? ThrowOnRead { get; set; }

    /// <summary>Reported by <see cref="TryRead"/> (as a success) instead of the figure, when set.</summary>
    public double? BadReading { get; set; }

    /// <summary>Thrown by <see cref="Dispose"/> when set.</summary>
    public Exception? ThrowOnDispose { get; set; }

    /// <summary>Whether <see cref="Dispose"/> ran to its end.</summary>
    public bool IsDisposed { get; private set; }

    public bool TryStart(double now)
    {
        if (ThrowOnStart is { } fault)
        {
            throw fault;
        }

        _start = now;
        Status = EnergySourceStatus.Used($"{watts} W");
        return true;
    }

    public bool TryRead(double now, out double joules)
    {
        if (ThrowOnRead is { } fault)
        {
            throw fault;
        }

        joules = BadReading ?? watts * (now - _start);
        return true;
    }

    public void Dispose()
    {
        if (ThrowOnDispose is { } fault)
        {
            throw fault;
        }

        IsDisposed = true;
    }
}
