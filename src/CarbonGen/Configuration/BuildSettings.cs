using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace CarbonGen.Configuration;

/// <summary>
/// MSBuild properties baked into the program at compile time (<c>&lt;CarbonCountry&gt;FRA&lt;/CarbonCountry&gt;</c>).
/// The CarbonGen generator emits a module initializer that calls <see cref="Register"/> once per
/// property; they rank below code, the environment and <c>carbongen.json</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class BuildSettings
{
    private static readonly object s_gate = new();
    private static Dictionary<string, string> s_values = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Records one baked property, e.g. <c>Register("CarbonCountry", "FRA")</c>. Called by generated code.</summary>
    /// <param name="property">The MSBuild property name.</param>
    /// <param name="value">Its value at compile time.</param>
    public static void Register(string property, string value)
    {
        if (string.IsNullOrWhiteSpace(property) || value is null)
        {
            return;
        }

        lock (s_gate)
        {
            // A copy per change: readers take the dictionary without a lock.
            s_values = new Dictionary<string, string>(s_values, StringComparer.OrdinalIgnoreCase) { [property] = value };
        }
    }

    /// <summary>The properties registered so far.</summary>
    internal static IReadOnlyDictionary<string, string> Values => s_values;

    /// <summary>Forgets every registration (tests).</summary>
    internal static void Clear()
    {
        lock (s_gate)
        {
            s_values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        }
    }
}
