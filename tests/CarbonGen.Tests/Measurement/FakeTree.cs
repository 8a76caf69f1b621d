using System;
using System.Globalization;
using System.IO;
using Microsoft.Win32.SafeHandles;

namespace CarbonGen.Tests.Measurement;

/// <summary>A sysfs/procfs look-alike in a temporary folder, deleted at the end of the test.</summary>
internal sealed class FakeTree : IDisposable
{
    public FakeTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "carbongen-tree-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Sys => Path.Combine(Root, "sys");

    public string Proc => Path.Combine(Root, "proc");

    public string PowercapDir => Path.Combine(Sys, "class", "powercap");

    /// <summary>Writes a file (creating its folder), replacing its content in place so open handles see the new text.</summary>
    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        WriteInPlace(path, text);
        return path;
    }

    /// <summary>Adds a powercap zone: <c>name</c>, <c>energy_uj</c> and, unless <paramref name="maxRange"/> is null, <c>max_energy_range_uj</c>.</summary>
    /// <param name="viaSymlink">Put the zone under devices/virtual/powercap and link it from class/powercap, as the kernel does.</param>
    public string AddZone(string zone, string name, ulong energy, ulong? maxRange = 262_143_328_850, bool viaSymlink = false)
    {
        string dir;
        if (viaSymlink)
        {
            dir = Path.Combine(Sys, "devices", "virtual", "powercap", zone.StartsWith("intel-rapl-mmio", StringComparison.Ordinal) ? "intel-rapl-mmio" : "intel-rapl", zone);
            Directory.CreateDirectory(dir);
            Directory.CreateDirectory(PowercapDir);
            File.CreateSymbolicLink(Path.Combine(PowercapDir, zone), dir);
        }
        else
        {
            dir = Path.Combine(PowercapDir, zone);
            Directory.CreateDirectory(dir);
        }

        File.WriteAllText(Path.Combine(dir, "name"), name + "\n");
        WriteCounter(Path.Combine(dir, "energy_uj"), energy);
        if (maxRange is { } max)
        {
            File.WriteAllText(Path.Combine(dir, "max_energy_range_uj"), max.ToString(CultureInfo.InvariantCulture) + "\n");
        }

        return Path.Combine(PowercapDir, zone, "energy_uj");
    }

    public static void WriteCounter(string path, ulong value) => WriteInPlace(path, value.ToString(CultureInfo.InvariantCulture) + "\n");

    /// <summary>Rewrites the file's content in one write on the same inode (as a sysfs attribute changes).</summary>
    public static void WriteInPlace(string path, string text)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(text);
        using SafeFileHandle handle = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        RandomAccess.Write(handle, bytes, 0);
        RandomAccess.SetLength(handle, bytes.Length);
    }

    /// <summary>
    /// Makes a file unopenable for this user. chmod 000 is enough for a normal user; root reads through any
    /// mode, so for root the file is replaced by a folder of the same name, which cannot be opened as a file either.
    /// </summary>
    public static void MakeUnreadable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The sensor tests build Linux sysfs and procfs trees.");
        }

        File.SetUnixFileMode(path, UnixFileMode.None);
        try
        {
            using var probe = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
        }
        catch (UnauthorizedAccessException)
        {
            return;
        }

        File.Delete(path);
        Directory.CreateDirectory(path);
    }

    public void Dispose()
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
            {
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }

            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
