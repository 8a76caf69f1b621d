using System;

namespace CarbonGen;

/// <summary>
/// Marks a method whose calls CarbonGen measures: every call to it made in a compilation that
/// references CarbonGen goes through a generated interceptor that records calls, failures,
/// time and energy.
/// </summary>
/// <remarks>
/// The attribute is deliberately not <c>[Conditional]</c>: it stays in metadata, so a library that
/// marks its methods gives tracking to every consumer that references CarbonGen.
/// </remarks>
[AttributeUsage(
    AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Assembly,
    AllowMultiple = false,
    Inherited = false)]
public sealed class CarbonAttribute : Attribute
{
    /// <summary>Tracks the method under its C# display name, e.g. <c>MyApp.Primes.Sieve(int)</c>.</summary>
    public CarbonAttribute()
    {
    }

    /// <summary>Tracks the method under the given display name, e.g. <c>checkout.pricing</c>.</summary>
    /// <param name="name">The name shown in the summary and written in the <c>method</c> column.</param>
    public CarbonAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The display name given in the constructor, or <see langword="null"/> for the C# display name.</summary>
    public string? Name { get; }

    /// <summary>
    /// <see langword="false"/> excludes a method that a type- or assembly-level mark would otherwise track.
    /// Defaults to <see langword="true"/>.
    /// </summary>
    public bool Track { get; set; } = true;
}
