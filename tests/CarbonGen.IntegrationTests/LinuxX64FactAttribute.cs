using System;
using System.Runtime.InteropServices;
using Xunit;

namespace CarbonGen.IntegrationTests;

/// <summary>A fact that only runs on Linux x64, where the tests publish for <c>linux-x64</c>; skipped elsewhere.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class LinuxX64FactAttribute : FactAttribute
{
    public const string RuntimeIdentifier = "linux-x64";

    public LinuxX64FactAttribute()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            Skip = $"Publishes for {RuntimeIdentifier}; this machine is {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}.";
        }
    }
}
