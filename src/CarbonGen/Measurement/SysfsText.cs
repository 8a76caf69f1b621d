using System;
using System.IO;

namespace CarbonGen.Measurement;

/// <summary>Small one-off reads of sysfs/procfs attribute files (names, ranges), done once at start.</summary>
internal static class SysfsText
{
    /// <summary>The file's text without surrounding whitespace, or <see langword="null"/> when it cannot be read.</summary>
    internal static string? TryReadLine(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    internal static ulong? TryReadUInt64(string path)
    {
        var text = TryReadLine(path);
        return text is not null && ulong.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    /// <summary>Directory entries (following symbolic links, as sysfs class folders are) or none when the folder is missing.</summary>
    internal static string[] Entries(string directory)
    {
        try
        {
            var entries = Directory.GetFileSystemEntries(directory);
            Array.Sort(entries, StringComparer.Ordinal);
            return entries;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
