using Microsoft.CodeAnalysis;
using CarbonGen.Generators;

namespace CarbonGen.Analyzers;

/// <summary>The symbols the rules need, looked up once per compilation; <see langword="null"/> when CarbonGen is not referenced.</summary>
internal sealed class CarbonSymbols
{
    private readonly Compilation _compilation;

    private CarbonSymbols(INamedTypeSymbol carbonAttribute, Compilation compilation)
    {
        CarbonAttribute = carbonAttribute;
        _compilation = compilation;
    }

    public INamedTypeSymbol CarbonAttribute { get; }

    public static CarbonSymbols? Create(Compilation compilation) =>
        compilation.GetTypeByMetadataName(KnownNames.CarbonAttributeMetadataName) is { } attribute ? new CarbonSymbols(attribute, compilation) : null;

    /// <summary>The generator's own decision (<see cref="Tracking.IsTracked"/>).</summary>
    public bool IsTracked(IMethodSymbol method) => Tracking.IsTracked(method, CarbonAttribute, _compilation, out _);

    /// <summary>Whether generated code can call the method (<see cref="Tracking.IsCallableFromGeneratedCode"/>).</summary>
    public bool IsCallableFromGeneratedCode(IMethodSymbol method) => Tracking.IsCallableFromGeneratedCode(method, _compilation);

    /// <summary>Whether generated code can see the type.</summary>
    public bool IsAccessible(INamedTypeSymbol type) => _compilation.IsSymbolAccessibleWithin(type, _compilation.Assembly);

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

    /// <summary>The <c>[Carbon]</c> written on <paramref name="symbol"/> itself, if any (<see cref="Tracking.Find"/>).</summary>
    public AttributeData? FindMark(ISymbol symbol) => Tracking.Find(symbol, CarbonAttribute);

    /// <summary><see langword="false"/> for <c>[Carbon(Track = false)]</c> (<see cref="Tracking.TrackOf"/>).</summary>
    public static bool Tracks(AttributeData attribute) => Tracking.TrackOf(attribute);

    private bool HasMark(ISymbol? symbol) => symbol is not null && FindMark(symbol) is not null;
}
