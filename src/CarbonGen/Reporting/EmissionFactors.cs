using CarbonGen.Intensity;

namespace CarbonGen.Reporting;

/// <summary>What turns a run's energy into CO2eq and water: intensity, PUE, WUE, location, embodied emissions.</summary>
/// <param name="Intensity">Grid intensity over the run (time-weighted under live data) and its source.</param>
/// <param name="Pue">Power usage effectiveness, multiplies every energy figure.</param>
/// <param name="Wue">Water usage effectiveness, L/kWh.</param>
/// <param name="Location">Country, region and cloud region in effect.</param>
/// <param name="ExperimentId">The <c>experiment_id</c> column, or empty.</param>
/// <param name="Embodied">Embodied emissions for SCI, or <see langword="null"/> when SCI is off.</param>
internal sealed record EmissionFactors(
    IntensityReading Intensity,
    double Pue,
    double Wue,
    GridLocation Location,
    string ExperimentId,
    EmbodiedEmissions? Embodied)
{
    /// <summary>World average, PUE 1, no water, no location, no SCI: the figures before anything is configured.</summary>
    internal static EmissionFactors WorldAverage { get; } = new(
        new IntensityReading(IntensityData.WorldAverageGramsPerKwh, IntensityReading.WorldAverage, "IEA 2019"),
        1.0,
        0.0,
        GridLocation.Unknown,
        string.Empty,
        null);
}
