using Microsoft.CodeAnalysis;
using CarbonGen.Generators;

namespace CarbonGen.Analyzers;

/// <summary>The symbols the rules need, looked up once per compilation; <see langword="null"/> when CarbonGen is not referenced.</summary>
internal sealed class CarbonSymbols
{
    private CarbonSymbols(INamedTypeSymbol carbonAttribute) => CarbonAttribute = carbonAttribute;

    public INamedTypeSymbol CarbonAttribute { get; }

    public static CarbonSymbols? Create(Compilation compilation) =>
        compilation.GetTypeByMetadataName(KnownNames.CarbonAttributeMetadataName) is { } attribute ? new CarbonSymbols(attribute) : null;

    /// <summary>The generator's own decision (<see cref="Tracking.IsTracked"/>).</summary>
    public bool IsTracked(IMethodSymbol method) => Tracking.IsTracked(method, CarbonAttribute, out _);

    public bool IsCarbon(AttributeData attribute) => SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, CarbonAttribute);

    /// <summary><see langword="true"/> when a <c>[Carbon]</c> on the method, a containing type or the assembly decides about it (tracked or opted out).</summary>
    public bool HasAnyMark(IMethodSymbol method)
    {
        for (var m = method; m is not null; m = m.OverriddenMethod)
        {
            if (HasMark(m))
            {
                return true;
            }
        }

        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (HasMark(type))
            {
                return true;
            }
        }

        return HasMark(method.ContainingAssembly);
    }

    /// <summary>The <c>[Carbon]</c> written on <paramref name="symbol"/> itself, if any.</summary>
    public AttributeData? FindMark(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (IsCarbon(attribute))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary><see langword="false"/> for <c>[Carbon(Track = false)]</c>.</summary>
    public static bool Tracks(AttributeData attribute)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == KnownNames.TrackProperty && argument.Value.Value is bool track)
            {
                return track;
            }
        }

        return true;
    }

    private bool HasMark(ISymbol? symbol) => symbol is not null && FindMark(symbol) is not null;
}
