using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace CarbonGen.Intensity;

/// <summary>Opens a data table embedded in this assembly (see <c>data/README.md</c>); nothing is read from disk.</summary>
internal static class EmbeddedTable
{
    /// <summary>Reads the table embedded under <c>CarbonGen.Data.&lt;name&gt;</c>, e.g. <c>intensity/countries.csv</c>.</summary>
    internal static List<Dictionary<string, string>> Read(string name)
    {
        var resource = "CarbonGen.Data." + name.Replace('/', '.');
        using var stream = typeof(EmbeddedTable).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"CarbonGen: the embedded table '{resource}' is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return CsvReader.Read(reader);
    }

    internal static double Number(Dictionary<string, string> record, string column) =>
        double.Parse(record[column], NumberStyles.Float, CultureInfo.InvariantCulture);

    internal static int Integer(Dictionary<string, string> record, string column) =>
        record[column].Length == 0 ? 0 : int.Parse(record[column], NumberStyles.Integer, CultureInfo.InvariantCulture);
}
