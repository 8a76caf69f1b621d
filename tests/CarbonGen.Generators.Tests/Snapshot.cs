using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace CarbonGen.Generators.Tests;

/// <summary>
/// Compares generated code with the expected files under <c>Snapshots/</c>. To accept new output, run
/// the tests with <c>CARBONGEN_ACCEPT_SNAPSHOTS=1</c> and review the change with <c>git diff</c>; a
/// mismatch also leaves the new output beside the expected file as <c>*.received.txt</c>.
/// </summary>
internal static class Snapshot
{
    public static void Match(string name, string actual, [CallerFilePath] string testFile = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");
        var expectedPath = Path.Combine(folder, name + ".txt");
        var receivedPath = Path.Combine(folder, name + ".received.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(expectedPath)!);

        if (Environment.GetEnvironmentVariable("CARBONGEN_ACCEPT_SNAPSHOTS") == "1")
        {
            File.WriteAllText(expectedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath) : null;
        if (expected == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        Assert.Fail(expected is null
            ? $"No snapshot '{expectedPath}' yet. The output is in '{receivedPath}'; accept it with CARBONGEN_ACCEPT_SNAPSHOTS=1."
            : $"Generated code differs from '{expectedPath}' at line {FirstDifferentLine(expected, actual)}. " +
              $"The new output is in '{receivedPath}'; if it is right, accept it with CARBONGEN_ACCEPT_SNAPSHOTS=1.");
    }

    private static int FirstDifferentLine(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            if (a[i] != b[i])
            {
                return i + 1;
            }
        }

        return Math.Min(a.Length, b.Length) + 1;
    }
}
