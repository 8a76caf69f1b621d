using System;

namespace CarbonGen.Intensity;

/// <summary>
/// The machine's embodied emissions (SCI's M term): total manufacturing CO2eq spread over its expected
/// lifetime. A run of <c>t</c> hours carries <c>TotalKg × t / LifetimeHours</c> (the whole machine is
/// counted as reserved for the run).
/// </summary>
/// <param name="TotalKg">Total embodied emissions, kg CO2eq.</param>
/// <param name="LifetimeHours">Expected lifetime, hours.</param>
/// <param name="Source">Where the figures came from: <c>configured</c> or the cited default.</param>
public sealed record EmbodiedEmissions(double TotalKg, double LifetimeHours, string Source)
{
    /// <summary>CCF's base rack server, kg CO2eq (ccf-coefficients; Teads method).</summary>
    public const double DefaultTotalKg = 1000.0;

    /// <summary>CCF's and the SCI specification's example lifetime: 4 years, 35,040 hours.</summary>
    public const double DefaultLifetimeHours = 35_040.0;

    /// <summary>Embodied emissions of a run of <paramref name="seconds"/>, kg CO2eq.</summary>
    public double ForDurationKg(double seconds) => LifetimeHours <= 0 ? 0 : TotalKg * (Math.Max(0, seconds) / 3600.0) / LifetimeHours;

    /// <summary>The embodied settings of <paramref name="options"/>, or <see langword="null"/> when SCI is off.</summary>
    public static EmbodiedEmissions? From(CarbonOptions options)
    {
        if (!options.Sci && options.EmbodiedKgCo2e is null && options.LifetimeYears is null)
        {
            return null;
        }

        var total = options.EmbodiedKgCo2e ?? DefaultTotalKg;
        var hours = options.LifetimeYears is { } years ? years * 365 * 24 : DefaultLifetimeHours;
        var source = options.EmbodiedKgCo2e is null
            ? "default: 1000 kg CO2eq, CCF base rack server"
            : "configured";
        source += options.LifetimeYears is null ? ", default lifetime 4 years (CCF, SCI specification)" : ", configured lifetime";
        return new EmbodiedEmissions(total, hours, source);
    }
}
