using System;
using System.Globalization;
using System.IO;
using CarbonGen.Measurement;

namespace CarbonGen.Reporting;

/// <summary>Prints the per-method table that a run shows at exit.</summary>
internal static class SummaryPrinter
{
    private const string Format = "{0,-48} {1,10} {2,7} {3,9} {4,11} {5,11} {6,12} {7,12} {8,14}";

    private static readonly string Rule = new('-', 48 + 10 + 7 + 9 + 11 + 11 + 12 + 12 + 14 + 8);

    internal static void Print(CarbonReport report, TextWriter output)
    {
        var culture = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine(string.Format(
            culture,
            "CarbonGen summary: {0}, run {1}, {2:0.00} s, {3:0.00} s CPU",
            report.ProjectName,
            report.RunId,
            report.DurationSeconds,
            report.CpuSeconds));
        output.WriteLine(string.Format(
            culture,
            "Energy is estimated ({0}: {1} W per busy core, {2} W per GB of RAM), not measured; intensity {3} g CO2eq/kWh ({4}); PUE {5}.",
            report.EnergySource,
            CpuTimePowerModel.WattsPerBusyCore,
            CpuTimePowerModel.WattsPerGigabyte,
            report.IntensityGramsPerKwh,
            report.IntensitySource,
            report.Pue));
        output.WriteLine();
        output.WriteLine(string.Format(culture, Format, "Method", "Calls", "Failed", "Canceled", "Total (s)", "Self (s)", "Energy (mWh)", "CO2eq (mg)", "mg CO2eq/call"));
        output.WriteLine(Rule);
        foreach (var m in report.Methods)
        {
            Row(output, m, culture, withCounters: true);
        }

        Row(output, report.Untracked, culture, withCounters: false);
        output.WriteLine(Rule);
        output.WriteLine(string.Format(
            culture,
            Format,
            "Process total",
            string.Empty,
            string.Empty,
            string.Empty,
            report.DurationSeconds.ToString("0.000", culture),
            string.Empty,
            (report.EnergyKwh * 1e6).ToString("0.000", culture),
            (report.EmissionsKg * 1e6).ToString("0.000", culture),
            string.Empty));
        output.WriteLine();
    }

    private static void Row(TextWriter output, MethodReport m, CultureInfo culture, bool withCounters)
    {
        output.WriteLine(string.Format(
            culture,
            Format,
            Truncate(m.Method, 48),
            withCounters ? m.Calls.ToString("N0", culture) : string.Empty,
            withCounters ? m.FailedCalls.ToString("N0", culture) : string.Empty,
            withCounters ? m.CanceledCalls.ToString("N0", culture) : string.Empty,
            withCounters ? m.DurationSeconds.ToString("0.000", culture) : string.Empty,
            withCounters ? m.SelfDurationSeconds.ToString("0.000", culture) : string.Empty,
            (m.EnergyKwh * 1e6).ToString("0.000", culture),
            (m.EmissionsKg * 1e6).ToString("0.000", culture),
            m.Calls == 0 ? string.Empty : (m.EmissionsPerCallKg * 1e6).ToString("0.######", culture)));
    }

    private static string Truncate(string text, int width) =>
        text.Length <= width ? text : string.Concat(text.AsSpan(0, width - 1), "…");
}
