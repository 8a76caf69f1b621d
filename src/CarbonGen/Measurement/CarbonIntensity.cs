namespace CarbonGen.Measurement;

/// <summary>Grid carbon intensity used to turn energy into CO2eq.</summary>
internal static class CarbonIntensity
{
    /// <summary>World average, g CO2eq per kWh (the figure CodeCarbon falls back to).</summary>
    internal const double WorldAverageGramsPerKilowattHour = 475.0;

    internal const string WorldAverageSource = "world-average";
}
