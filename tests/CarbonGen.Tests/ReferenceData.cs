using System;
using System.IO;
using System.Linq;

namespace CarbonGen.Tests;

/// <summary>Reads CodeCarbon's own output, from the reference runs kept beside the repository in ../shared.</summary>
internal static class ReferenceData
{
    /// <summary>The header of an emissions.csv that CodeCarbon 3.3.0 wrote on this kind of machine.</summary>
    public static string[] CodeCarbonEmissionsHeader()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "reference-data", "codecarbon-runs", "runs", "usa_process", "emissions.csv");
            if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "CarbonGen.sln")))
            {
                return File.ReadLines(candidate).First().Split(',');
            }
        }

        throw new InvalidOperationException(
            "CodeCarbon's reference emissions.csv was not found in ../shared/reference-data beside the repository.");
    }
}
