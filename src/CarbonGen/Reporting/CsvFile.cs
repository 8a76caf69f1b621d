using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace CarbonGen.Reporting;

/// <summary>
/// Appends rows to a CSV file the way CodeCarbon does: a new file gets the header; an existing file
/// with the same header gets the rows appended; an existing file with another header is kept as
/// <c>.bak</c> and a new file is started.
/// </summary>
internal static class CsvFile
{
    internal static void Append(string path, string header, IEnumerable<IReadOnlyList<string>> rows, Action<string> warn)
    {
        var writeHeader = true;
        if (File.Exists(path))
        {
            string? firstLine;
            using (var reader = new StreamReader(path))
            {
                firstLine = reader.ReadLine();
            }

            if (firstLine == header)
            {
                writeHeader = false;
            }
            else
            {
                var backup = path + ".bak";
                File.Move(path, backup, overwrite: true);
                warn($"CarbonGen: warning: '{path}' had another header (an older format?); it was kept as '{backup}' and a new file was started.");
            }
        }

        var text = new StringBuilder();
        if (writeHeader)
        {
            text.Append(header).Append('\n');
        }

        foreach (var row in rows)
        {
            for (var i = 0; i < row.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(',');
                }

                text.Append(Escape(row[i]));
            }

            text.Append('\n');
        }

        File.AppendAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <summary>Quotes a field that holds a comma, a quote or a line break (RFC 4180).</summary>
    internal static string Escape(string field)
    {
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return field;
        }

        return "\"" + field.Replace("\"", "\"\"") + "\"";
    }

    /// <summary>
    /// Shortest round-trip text of a number, spelled as Python's <c>repr</c> spells CodeCarbon's floats
    /// (<c>0.0</c>, <c>1.5e-07</c>), so that files from both tools look alike.
    /// </summary>
    internal static string Number(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return double.IsNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var exponent = text.IndexOf('E');
        if (exponent < 0)
        {
            return text.Contains('.') ? text : text + ".0";
        }

        // .NET writes 1.5E-07, Python 1.5e-07.
        return string.Concat(text.AsSpan(0, exponent), "e", text.AsSpan(exponent + 1));
    }

    internal static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Local time without a time zone, as CodeCarbon writes it.</summary>
    internal static string Timestamp(DateTime value) => value.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
}
