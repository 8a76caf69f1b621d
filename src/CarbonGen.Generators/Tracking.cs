using Microsoft.CodeAnalysis;

namespace CarbonGen.Generators;

/// <summary>Decides whether a method is tracked: by its own <c>[Carbon]</c>, its type's, or its assembly's.</summary>
internal static class Tracking
{
    /// <summary>
    /// The nearest mark wins (the method, then the methods it overrides, then its types, then its assembly): a method's <c>[Carbon(Track = false)]</c> excludes it from a type or assembly
    /// mark. <paramref name="customName"/> receives a name given as <c>[Carbon("name")]</c> on the method.
    /// Only methods that generated code can call are ever tracked (<see cref="IsCallableFromGeneratedCode"/>): a type or
    /// assembly mark leaves private and protected methods alone, and a mark written on one has no effect (CARBON002 says so).
    /// </summary>
    public static bool IsTracked(IMethodSymbol method, INamedTypeSymbol carbonAttribute, Compilation compilation, out string? customName)
    {
        customName = null;
        if (!IsCallableFromGeneratedCode(method, compilation))
        {
            return false;
        }

        // An override of a tracked virtual method is tracked too: a call that binds to the override
        // (derivedInstance.M()) costs the same as one through the base.
        for (var m = method; m is not null; m = m.OverriddenMethod)
        {
            if (Find(m, carbonAttribute) is { } onMethod)
            {
                customName = NameOf(onMethod);
                return TrackOf(onMethod);
            }
        }

        // A type or assembly mark covers the methods a call can be intercepted for: not async void ones
        // (callers cannot await them), which only a mark on the method itself brings to attention.
        if (method.MethodKind != MethodKind.Ordinary || method.IsImplicitlyDeclared || (method.IsAsync && method.ReturnsVoid))
        {
            return false;
        }

        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (Find(type, carbonAttribute) is { } onType)
            {
                return TrackOf(onType);
            }
        }

        return Find(method.ContainingAssembly, carbonAttribute) is { } onAssembly && TrackOf(onAssembly);
    }

    /// <summary>
    /// <see langword="true"/> when an interceptor (a class of its own in <paramref name="compilation"/>) can call the method:
    /// public, internal or protected internal, in types it can see. Private and protected methods can never be intercepted.
    /// </summary>
    public static bool IsCallableFromGeneratedCode(IMethodSymbol method, Compilation compilation) =>
        compilation.IsSymbolAccessibleWithin((method.ReducedFrom ?? method).OriginalDefinition, compilation.Assembly);

    /// <summary>The <c>[Carbon]</c> written on <paramref name="symbol"/> itself, if any.</summary>
    public static AttributeData? Find(ISymbol? symbol, INamedTypeSymbol carbonAttribute)
    {
        if (symbol is null)
        {
            return null;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, carbonAttribute))
            {
                return attribute;
            }
        }

        return null;
    }

    private static string? NameOf(AttributeData attribute) =>
        attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string name && name.Length > 0
            ? name
            : null;

    /// <summary><see langword="false"/> for <c>[Carbon(Track = false)]</c>.</summary>
    public static bool TrackOf(AttributeData attribute)
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
}
