using System.Collections.Generic;

namespace CarbonGen.Reporting;

/// <summary>The per-method file, <c>emissions_methods.csv</c>: one row per tracked method and run, plus <c>(untracked)</c>.</summary>
internal static class MethodsCsv
{
    internal const string FileName = "emissions_methods.csv";

    internal const string Header =
        "timestamp,project_name,run_id,method,calls,failed_calls,duration,self_duration," +
        "cpu_energy,gpu_energy,ram_energy,energy_consumed,emissions,emissions_per_call";

    internal static IEnumerable<IReadOnlyList<string>> Rows(CarbonReport report)
    {
        foreach (var method in report.Methods)
        {
            yield return Row(report, method);
        }

        yield return Row(report, report.Untracked);
    }

    private static string[] Row(CarbonReport report, MethodReport m) =>
    [
        CsvFile.Timestamp(report.Timestamp),
        report.ProjectName,
        report.RunId.ToString(),
        m.Method,
        CsvFile.Number(m.Calls),
        CsvFile.Number(m.FailedCalls),
        CsvFile.Number(m.DurationSeconds),
        CsvFile.Number(m.SelfDurationSeconds),
        CsvFile.Number(m.CpuEnergyKwh),
        CsvFile.Number(m.GpuEnergyKwh),
        CsvFile.Number(m.RamEnergyKwh),
        CsvFile.Number(m.EnergyKwh),
        CsvFile.Number(m.EmissionsKg),
        CsvFile.Number(m.EmissionsPerCallKg),
    ];
}
