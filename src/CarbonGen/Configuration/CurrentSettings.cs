using System.IO;

namespace CarbonGen.Configuration;

/// <summary>The process's settings: what code configured, resolved once through every source and kept until code configures again.</summary>
internal static class CurrentSettings
{
    private static readonly object s_gate = new();
    private static CarbonOptions? s_code;
    private static CarbonOptions? s_resolved;

    internal static CarbonOptions Resolved
    {
        get
        {
            lock (s_gate)
            {
                return s_resolved ??= SettingsLoader.Resolve(s_code, CarbonLog.Warn, Directory.GetCurrentDirectory());
            }
        }
    }

    internal static void Configure(CarbonOptions? code)
    {
        lock (s_gate)
        {
            s_code = code;
            s_resolved = null;
        }
    }
}
