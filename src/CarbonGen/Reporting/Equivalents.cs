using System;
using System.Collections.Generic;
using System.Threading;
using CarbonGen.Intensity;

namespace CarbonGen.Reporting;

/// <summary>The embedded equivalence figures (car distance, smartphone charges, …), parsed on first use.</summary>
public static class Equivalents
{
    private static readonly Lazy<IReadOnlyDictionary<string, Equivalent>> s_all = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Every figure, by name.</summary>
    public static IReadOnlyDictionary<string, Equivalent> All => s_all.Value;

    /// <summary>
    /// Kilometres driven by an average new EU passenger car (2022, EEA, type-approval) that emit
    /// <paramref name="kgCo2e"/>.
    /// </summary>
    public static double CarKilometres(double kgCo2e) => kgCo2e * 1000.0 / All["eea_avg_new_passenger_car_2022"].Value;

    private static IReadOnlyDictionary<string, Equivalent> Load()
    {
        var map = new Dictionary<string, Equivalent>(StringComparer.Ordinal);
        foreach (var r in EmbeddedTable.Read("reports/equivalents.csv"))
        {
            map[r["name"]] = new Equivalent(
                r["name"],
                EmbeddedTable.Number(r, "value"),
                r["unit"],
                EmbeddedTable.Integer(r, "year"),
                r["status"] == "confirmed",
                r["source"]);
        }

        return map;
    }
}
