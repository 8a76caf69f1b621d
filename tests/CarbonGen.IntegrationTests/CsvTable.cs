using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace CarbonGen.IntegrationTests;

/// <summary>
/// A CSV file read per RFC 4180: fields separated by commas, a quoted field may hold commas, line
/// breaks and doubled quotes. The first record is the header.
/// </summary>
internal sealed class CsvTable
{
    private CsvTable(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        Header = header;
        Rows = rows;
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }

    /// <summary>The header line as it was written.</summary>
    public string HeaderLine => string.Join(',', Header);

    public static CsvTable Load(string path)
    {
        var records = Parse(File.ReadAllText(path, Encoding.UTF8));
        if (records.Count == 0)
        {
            throw new InvalidDataException($"'{path}' is empty.");
        }

        foreach (var (record, index) in records.Select((r, i) => (r, i)))
        {
            if (record.Count != records[0].Count)
            {
                throw new InvalidDataException($"'{path}' record {index} has {record.Count} fields; the header has {records[0].Count}.");
            }
        }

        return new CsvTable(records[0], records.Skip(1).ToList());
    }

    /// <summary>Splits CSV text into records; a final line break does not start a record.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Parse(string text)
    {
        var records = new List<IReadOnlyList<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r' or '\n':
                    record.Add(field.ToString());
                    field.Clear();
                    records.Add(record);
                    record = [];
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                default:
                    field.Append(c);
                    break;
            }

            i++;
        }

        if (quoted)
        {
            throw new InvalidDataException("A quoted field is not closed.");
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }

        return records;
    }

    public int Column(string name)
    {
        for (var i = 0; i < Header.Count; i++)
        {
            if (Header[i] == name)
            {
                return i;
            }
        }

        throw new KeyNotFoundException($"No column '{name}' in: {HeaderLine}");
    }

    public string Text(IReadOnlyList<string> row, string column) => row[Column(column)];

    public double Number(IReadOnlyList<string> row, string column) =>
        double.Parse(Text(row, column), NumberStyles.Float, CultureInfo.InvariantCulture);

    public long Integer(IReadOnlyList<string> row, string column) =>
        long.Parse(Text(row, column), NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>The only row whose <paramref name="column"/> is <paramref name="value"/>.</summary>
    public IReadOnlyList<string> SingleRow(string column, string value)
    {
        var index = Column(column);
        var matches = Rows.Where(r => r[index] == value).ToList();
        if (matches.Count != 1)
        {
            throw new InvalidDataException(
                $"Expected one row with {column} = '{value}', found {matches.Count}. Values: {string.Join(" | ", Rows.Select(r => r[index]))}");
        }

        return matches[0];
    }
}
