using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Xunit;

namespace CarbonGen.IntegrationTests;

/// <summary>
/// What one run of the QuickStart code must leave behind, whether it ran on the JIT or as a native
/// executable: the summary on stderr and the two CSV files in the output folder.
/// </summary>
internal static class QuickStartReportAssertions
{
    /// <summary>Every tracked method of the sample, with the calls and failures that Program.cs makes.</summary>
    public static readonly IReadOnlyList<(string Method, long Calls, long Failed)> ExpectedMethods =
    [
        ("QuickStart.Primes.Sieve(int)", 10, 0),
        ("QuickStart.Matrix.MultiplyTrace(int)", 12, 0),
        ("QuickStart.OrderBook.RoundTrip(int)", 500, 0),
        ("QuickStart.Primes.RequirePrime(int)", 100, 75),
        ("QuickStart.OrderBook.SaveAsync(int)", 20, 0),
        ("QuickStart.Primes.Ascending()", 1, 0),
    ];

    private const string SieveMethod = "QuickStart.Primes.Sieve(int)";

    private const string UntrackedMethod = "(untracked)";

    private const string MethodsHeader =
        "timestamp,project_name,run_id,method,calls,failed_calls,duration,self_duration," +
        "cpu_energy,gpu_energy,ram_energy,energy_consumed,emissions,emissions_per_call";

    /// <summary>CodeCarbon's emissions.csv columns, in its order; CarbonGen may add its own after them.</summary>
    private static readonly string[] CodeCarbonColumns =
    [
        "timestamp", "project_name", "run_id", "experiment_id", "duration", "emissions", "emissions_rate",
        "cpu_power", "gpu_power", "ram_power", "cpu_energy", "gpu_energy", "ram_energy", "energy_consumed",
        "water_consumed", "country_name", "country_iso_code", "region", "cloud_provider", "cloud_region", "os",
        "python_version", "codecarbon_version", "cpu_count", "cpu_model", "gpu_count", "gpu_model", "longitude",
        "latitude", "ram_total_size", "tracking_mode", "cpu_utilization_percent", "gpu_utilization_percent",
        "ram_utilization_percent", "ram_used_gb", "on_cloud", "pue", "wue",
    ];

    public static void Check(ProcessResult run, string outputDirectory, string packageVersion)
    {
        ProcessAssertions.Succeeded(run);
        Assert.True(
            run.StandardOutput.Contains("non-primes rejected below 100: 75", StringComparison.Ordinal),
            $"The sample did not print its results.{Environment.NewLine}{run.Describe()}");
        CheckSummary(run);

        var methods = LoadCsv(outputDirectory, "emissions_methods.csv", run);
        var emissions = LoadCsv(outputDirectory, "emissions.csv", run);
        CheckMethodsCsv(methods);
        CheckEmissionsCsv(emissions, packageVersion);
        CheckTotals(methods, emissions);
    }

    private static void CheckSummary(ProcessResult run)
    {
        Assert.True(run.StandardError.Contains("CarbonGen summary", StringComparison.Ordinal), $"No summary on stderr.{Environment.NewLine}{run.Describe()}");
        foreach (var (method, calls, failed) in ExpectedMethods)
        {
            // A row: the method name padded to its column, then calls and failures ("1,000" style).
            var rows = run.ErrorLines.Where(line => line.StartsWith(method + " ", StringComparison.Ordinal)).ToList();
            Assert.True(rows.Count == 1, $"Expected one summary row for {method}, found {rows.Count}.{Environment.NewLine}{run.Describe()}");
            var row = rows[0];
            var fields = row[method.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(
                fields.Length >= 2
                    && ParseCount(fields[0]) == calls
                    && ParseCount(fields[1]) == failed,
                $"Summary row for {method} should show {calls} calls and {failed} failed: '{row}'.{Environment.NewLine}{run.Describe()}");
        }
    }

    private static void CheckMethodsCsv(CsvTable methods)
    {
        Assert.Equal(MethodsHeader, methods.HeaderLine);
        foreach (var (method, calls, failed) in ExpectedMethods)
        {
            var row = methods.SingleRow("method", method);
            Assert.Equal(calls, methods.Integer(row, "calls"));
            Assert.Equal(failed, methods.Integer(row, "failed_calls"));
        }

        var sieve = methods.SingleRow("method", SieveMethod);
        foreach (var column in new[] { "duration", "self_duration", "cpu_energy", "ram_energy", "energy_consumed", "emissions" })
        {
            var value = methods.Number(sieve, column);
            Assert.True(value > 0, $"{SieveMethod}: {column} should be positive, is {value.ToString("R", CultureInfo.InvariantCulture)}.");
        }

        methods.SingleRow("method", UntrackedMethod);
        Assert.Equal(ExpectedMethods.Count + 1, methods.Rows.Count);
    }

    private static void CheckEmissionsCsv(CsvTable emissions, string packageVersion)
    {
        Assert.True(emissions.Header.Count >= CodeCarbonColumns.Length, $"emissions.csv has too few columns: {emissions.HeaderLine}");
        Assert.Equal(CodeCarbonColumns, emissions.Header.Take(CodeCarbonColumns.Length));
        var row = Assert.Single(emissions.Rows);
        Assert.Equal(packageVersion, emissions.Text(row, "codecarbon_version"));
        Assert.True(emissions.Number(row, "emissions") > 0, $"emissions should be positive, is {emissions.Text(row, "emissions")}.");
    }

    /// <summary>The per-method rows, (untracked) included, share out the whole run: nothing lost, nothing counted twice.</summary>
    private static void CheckTotals(CsvTable methods, CsvTable emissions)
    {
        var run = emissions.Rows[0];
        var runId = emissions.Text(run, "run_id");
        Assert.All(methods.Rows, row => Assert.Equal(runId, methods.Text(row, "run_id")));

        var total = emissions.Number(run, "emissions");
        var sum = methods.Rows.Sum(row => methods.Number(row, "emissions"));
        Assert.True(
            Math.Abs(sum - total) <= 1e-9 * Math.Abs(total),
            $"Per-method emissions add up to {sum.ToString("R", CultureInfo.InvariantCulture)} kg; the run emitted {total.ToString("R", CultureInfo.InvariantCulture)} kg.");
    }

    private static CsvTable LoadCsv(string directory, string fileName, ProcessResult run)
    {
        var path = Path.Combine(directory, fileName);
        Assert.True(File.Exists(path), $"{fileName} was not written to {directory}.{Environment.NewLine}{run.Describe()}");
        return CsvTable.Load(path);
    }

    private static long ParseCount(string text) =>
        long.TryParse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) ? value : -1;
}
