namespace CarbonGen.Reporting;

/// <summary>
/// Software Carbon Intensity of one method, per call: ((E × I) + M) / calls, where E × I is the
/// method's operational CO2eq and M its share of the machine's embodied emissions for the run.
/// </summary>
/// <param name="Method">The method's display name.</param>
/// <param name="Calls">Calls made (counted on entry).</param>
/// <param name="OperationalKg">E × I: CO2eq of the method's energy, kg.</param>
/// <param name="EmbodiedKg">M: the method's share of the run's embodied emissions, kg (by its share of the energy).</param>
public sealed record SciScore(string Method, long Calls, double OperationalKg, double EmbodiedKg)
{
    /// <summary>SCI per call, kg CO2eq; 0 when there were no calls.</summary>
    public double PerCallKg => Calls == 0 ? 0 : (OperationalKg + EmbodiedKg) / Calls;
}
