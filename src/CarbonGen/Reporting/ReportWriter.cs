using System;
using System.IO;

namespace CarbonGen.Reporting;

/// <summary>
/// Writes every output of a run. Tracking must never break the application: a file that cannot be
/// written costs one warning, and the other outputs are still written.
/// </summary>
internal static class ReportWriter
{
    internal static void WriteAll(CarbonReport report, CarbonOptions options, TextWriter console)
    {
        void Warn(string message) => console.WriteLine(message);

        if (options.PrintSummary)
        {
            try
            {
                SummaryPrinter.Print(report, console);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // The console is gone (closed pipe at exit); the files still matter.
            }
        }

        if (!options.WriteCsv)
        {
            return;
        }

        Write(options.OutputDirectory, EmissionsCsv.FileName, EmissionsCsv.Header, () => EmissionsCsv.Rows(report), Warn);
        Write(options.OutputDirectory, MethodsCsv.FileName, MethodsCsv.Header, () => MethodsCsv.Rows(report), Warn);
    }

    private static void Write(
        string directory,
        string fileName,
        string header,
        Func<System.Collections.Generic.IEnumerable<System.Collections.Generic.IReadOnlyList<string>>> rows,
        Action<string> warn)
    {
        var path = Path.Combine(directory, fileName);
        try
        {
            Directory.CreateDirectory(directory);
            CsvFile.Append(path, header, rows(), warn);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            warn($"CarbonGen: warning: could not write '{path}': {e.Message} Set CARBONGEN_OUTPUT_DIR to a writable folder.");
        }
    }
}
