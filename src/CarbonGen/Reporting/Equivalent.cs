namespace CarbonGen.Reporting;

/// <summary>A figure for "that is like …" lines in reports, with its source (see <c>data/README.md</c>).</summary>
/// <param name="Name">Key, e.g. <c>eea_avg_new_passenger_car_2022</c>.</param>
/// <param name="Value">The figure.</param>
/// <param name="Unit">Its unit, e.g. <c>g CO2 per km (type-approval, WLTP)</c>.</param>
/// <param name="Year">Data or publication year, 0 when the source gives none.</param>
/// <param name="Confirmed">Whether the figure was read in its primary source (otherwise quoted by secondary sources: re-check before use).</param>
/// <param name="Source">Title of the source.</param>
public sealed record Equivalent(string Name, double Value, string Unit, int Year, bool Confirmed, string Source);
