namespace CarbonGen.Intensity;

/// <summary>Electricity generation of a country by source, TWh per year.</summary>
public sealed record EnergyMix(
    double CoalTwh,
    double GasTwh,
    double OilTwh,
    double NuclearTwh,
    double HydroTwh,
    double WindTwh,
    double SolarTwh,
    double BioenergyTwh,
    double OtherRenewableTwh,
    double TotalTwh)
{
    /// <summary>Share of coal, gas and oil in the total, 0 to 1.</summary>
    public double FossilShare => TotalTwh > 0 ? (CoalTwh + GasTwh + OilTwh) / TotalTwh : 0;
}
