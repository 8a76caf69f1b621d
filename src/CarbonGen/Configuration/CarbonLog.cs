using System;
using System.Collections.Generic;
using System.IO;

namespace CarbonGen.Configuration;

/// <summary>
/// Where CarbonGen's warnings go: standard error, each distinct message once per process. Writing a
/// warning never throws: tracking must not break the application.
/// </summary>
internal static class CarbonLog
{
    private static readonly HashSet<string> s_seen = new(StringComparer.Ordinal);

    internal static void Warn(string message)
    {
        lock (s_seen)
        {
            if (!s_seen.Add(message))
            {
                return;
            }
        }

        try
        {
            Console.Error.WriteLine(message);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
        }
    }
}
