using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace CarbonGen.Tests;

/// <summary>
/// The runtime writes its reports when the process exits; in the test host that would leave files in
/// the build folder and a summary in the test log. Send them to a temporary folder instead.
/// </summary>
internal static class TestEnvironment
{
    [ModuleInitializer]
    internal static void Initialize()
    {
        Environment.SetEnvironmentVariable("CARBONGEN_OUTPUT_DIR", Path.Combine(Path.GetTempPath(), "carbongen-tests-" + Environment.ProcessId));
        Environment.SetEnvironmentVariable("CARBONGEN_SUMMARY", "false");
    }
}
