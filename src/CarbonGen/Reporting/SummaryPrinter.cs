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
            "Energy is {0} ({1}: {2}); intensity {3} g CO2eq/kWh ({4}{5}); PUE {6}{7}.",
            report.EnergyIsMeasured ? "measured" : "estimated, not measured",
            report.EnergySource,
            report.EnergyDetail,
            Math.Round(report.IntensityGramsPerKwh, 3),
            report.IntensitySource,
            report.IntensityDetail.Length > 0 ? ": " + report.IntensityDetail : string.Empty,
            report.Pue,
            report.Wue > 0 ? string.Format(culture, "; WUE {0} L/kWh, {1:0.######} L of water", report.Wue, report.WaterConsumedLiters) : string.Empty));
        if (EnergySourcesLine.Format(report.EnergySources) is { } sources)
        {
            output.WriteLine(sources);
        }

        if (report.EmbodiedEmissionsKg is { } embodied)
        {
            output.WriteLine(string.Format(
                culture,
                "SCI: embodied emissions of the machine for this run {0:0.###} mg CO2eq, shared by energy; SCI per call = (E x I + M) / calls.",
                embodied * 1e6));
        }
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
        if (report.Sci.Count > 0)
        {
            foreach (var score in report.Sci)
            {
                if (score.Calls > 0)
                {
                    output.WriteLine(string.Format(culture, "SCI {0,-48} {1,14} mg CO2eq/call", Truncate(score.Method, 48), (score.PerCallKg * 1e6).ToString("0.######", culture)));
                }
            }

            output.WriteLine();
        }
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
