using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace CarbonGen.Intensity;

/// <summary>Reads the embedded data tables: RFC 4180 CSV with a header line.</summary>
internal static class CsvReader
{
    /// <summary>Reads every record; each is a map from column name to field.</summary>
    internal static List<Dictionary<string, string>> Read(TextReader reader)
    {
        var records = new List<Dictionary<string, string>>();
        string[]? header = null;
        while (ReadRecord(reader) is { } fields)
        {
            if (header is null)
            {
                header = fields.ToArray();
                continue;
            }

            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            var record = new Dictionary<string, string>(header.Length, StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                record[header[i]] = i < fields.Count ? fields[i] : string.Empty;
            }

            records.Add(record);
        }

        return records;
    }

    private static List<string>? ReadRecord(TextReader reader)
    {
        var first = reader.Peek();
        if (first < 0)
        {
            return null;
        }

        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        while (true)
        {
            var c = reader.Read();
            if (c < 0)
            {
                fields.Add(field.ToString());
                return fields;
            }

            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append((char)c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    return fields;
                default:
                    field.Append((char)c);
                    break;
            }
        }
    }
}
