using System;

namespace CarbonGen.Measurement;

/// <summary>
/// One way of knowing the energy of one component: a hardware counter (RAPL, hwmon, NVML) or a model
/// (TDP, RAM size). <see cref="EnergyMeter"/> tries the sources of each component in order and uses
/// the first one that starts.
/// </summary>
/// <remarks>
/// <para>Every source reports <em>cumulative</em> joules of its whole component (the CPU packages, all
/// memory, the visible GPUs) since <see cref="TryStart"/>, not this process's share: the share is
/// attribution's business. Times are seconds on one monotonic clock chosen by the caller
/// (<see cref="System.Diagnostics.Stopwatch"/> in the sampler, a hand-driven clock in tests).</para>
/// <para>Plugging in another platform: an adapter for Windows (LibreHardwareMonitor, the Energy Meter
/// Interface) or macOS (powermetrics, IOReport) implements this interface and is passed to
/// <see cref="EnergyMeter.Create"/> in <c>platformSources</c>; it is tried before the Linux sources of
/// its component, and the models remain the fallback on every platform.</para>
/// <para>Calls come from one thread at a time (the meter holds a lock); <see cref="TryRead"/> runs on
/// the sampling thread once per interval and should not allocate.</para>
/// </remarks>
internal interface IEnergySource : IDisposable
{
    /// <summary>The label carried by every figure of this source: <c>rapl</c>, <c>hwmon</c>, <c>nvml</c>, <c>tdp-model</c>, <c>ram-model</c>, or an adapter's own.</summary>
    string Name { get; }

    /// <summary>The component this source measures.</summary>
    EnergyComponent Component { get; }

    /// <summary><see langword="true"/> for a hardware reading, <see langword="false"/> for an estimate.</summary>
    bool IsMeasured { get; }

    /// <summary>Whether the source is used and, if not, why.</summary>
    EnergySourceStatus Status { get; }

    /// <summary>Opens what the source reads and takes its baseline at <paramref name="now"/>.</summary>
    /// <returns><see langword="false"/> when the source cannot be used; <see cref="Status"/> says why.</returns>
    bool TryStart(double now);

    /// <summary>Reads the cumulative energy since <see cref="TryStart"/>.</summary>
    /// <param name="now">Seconds on the caller's clock; never earlier than the previous call.</param>
    /// <param name="joules">Joules since the start; never less than the previous figure.</param>
    /// <returns><see langword="false"/> when the source failed now (<see cref="Status"/> says why); the caller keeps the previous figure and moves on to the next source.</returns>
    bool TryRead(double now, out double joules);
}
