using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using CarbonGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CarbonGen.Generators;

/// <summary>
/// Turns an invocation into a <see cref="CallSiteModel"/> when it calls a tracked method in a shape
/// the generator can intercept; returns <see langword="null"/> for everything else, which is then left
/// exactly as the user wrote it.
/// </summary>
internal static class CallSiteParser
{
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static readonly SymbolDisplayFormat DisplayFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeParameters,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeParamsRefOut,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    private static readonly SymbolDisplayFormat ContainingTypeDisplayFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    /// <summary>Cheap syntactic filter: invocations of a named method (<c>M()</c>, <c>x.M()</c>).</summary>
    public static bool IsCandidate(SyntaxNode node) =>
        node is InvocationExpressionSyntax { Expression: IdentifierNameSyntax or MemberAccessExpressionSyntax };

    public static CallSiteModel? Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        if (context.SemanticModel.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
        {
            return null;
        }

        var compilation = context.SemanticModel.Compilation;
        var carbon = compilation.GetTypeByMetadataName(KnownNames.CarbonAttributeMetadataName);
        if (carbon is null || !Tracking.IsTracked(method, carbon, out var customName))
        {
            return null;
        }

        if (!CanIntercept(invocation, method, compilation))
        {
            return null;
        }

        var location = context.SemanticModel.GetInterceptableLocation(invocation, cancellationToken);
        if (location is null)
        {
            return null;
        }

        var span = invocation.GetLocation().GetLineSpan();
        return new CallSiteModel(
            invocation.SyntaxTree.FilePath,
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1,
            location.Version,
            location.Data,
            Describe(method, customName));
    }

    /// <summary>The shapes the skeleton intercepts: ordinary, non-generic, synchronous methods, static or on classes.</summary>
    private static bool CanIntercept(InvocationExpressionSyntax invocation, IMethodSymbol method, Compilation compilation)
    {
        if (method.MethodKind != MethodKind.Ordinary
            || method.IsExtensionMethod
            || method.IsGenericMethod
            || method.ReturnsByRef
            || method.ReturnsByRefReadonly
            || IsInGenericType(method.ContainingType)
            || method.ContainingType.TypeKind != TypeKind.Class)
        {
            return false;
        }

        // base.M() must stay a non-virtual call; the interceptor could only make a virtual one.
        if (invocation.Expression is MemberAccessExpressionSyntax { Expression: BaseExpressionSyntax })
        {
            return false;
        }

        // The interceptor calls the method from another class, so it must be able to see it and every type it names.
        if (!compilation.IsSymbolAccessibleWithin(method, compilation.Assembly)
            || !IsNameable(method.ReturnType, compilation)
            || method.Parameters.Any(p => !IsNameable(p.Type, compilation)))
        {
            return false;
        }

        // Asynchronous and deferred results need measurement until completion; later versions handle them.
        return !IsAwaitableOrSequence(method.ReturnType);
    }

    private static bool IsInGenericType(INamedTypeSymbol? type)
    {
        for (; type is not null; type = type.ContainingType)
        {
            if (type.IsGenericType)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNameable(ITypeSymbol type, Compilation compilation) => type switch
    {
        IPointerTypeSymbol or IFunctionPointerTypeSymbol or IErrorTypeSymbol => false,
        IArrayTypeSymbol array => IsNameable(array.ElementType, compilation),
        ITypeParameterSymbol => false,
        INamedTypeSymbol named => compilation.IsSymbolAccessibleWithin(named, compilation.Assembly)
            && !named.IsAnonymousType
            && named.TypeArguments.All(t => IsNameable(t, compilation)),
        _ => true,
    };

    private static bool IsAwaitableOrSequence(ITypeSymbol type)
    {
        if (type.SpecialType is SpecialType.System_Collections_IEnumerable or SpecialType.System_Collections_IEnumerator)
        {
            return true;
        }

        if (type is INamedTypeSymbol named
            && named.OriginalDefinition.SpecialType is SpecialType.System_Collections_Generic_IEnumerable_T or SpecialType.System_Collections_Generic_IEnumerator_T)
        {
            return true;
        }

        if (type.Name is "IAsyncEnumerable" or "IAsyncEnumerator")
        {
            return true;
        }

        return type.GetMembers("GetAwaiter").OfType<IMethodSymbol>().Any(m => m.Parameters.IsEmpty && !m.IsStatic);
    }

    private static TargetMethodModel Describe(IMethodSymbol method, string? customName)
    {
        var declaration = method.Locations.FirstOrDefault(l => l.IsInSource);
        var declarationSpan = declaration?.GetLineSpan();
        var parameters = method.Parameters
            .Select(p => new ParameterModel(p.Type.ToDisplayString(TypeFormat), p.Name, DeclarationModifier(p), ArgumentModifier(p.RefKind)))
            .ToImmutableArray();

        return new TargetMethodModel(
            customName ?? method.ToDisplayString(DisplayFormat),
            method.ContainingType.ToDisplayString(ContainingTypeDisplayFormat),
            method.ContainingType.ToDisplayString(TypeFormat),
            method.Name,
            method.IsStatic,
            method.ReturnsVoid ? "void" : method.ReturnType.ToDisplayString(TypeFormat),
            new EquatableArray<ParameterModel>(parameters),
            declarationSpan is { } s ? Path.GetFileName(s.Path) : null,
            declarationSpan is { } d ? d.StartLinePosition.Line + 1 : 0);
    }

    private static string DeclarationModifier(IParameterSymbol parameter) => parameter.RefKind switch
    {
        RefKind.Ref => "ref ",
        RefKind.Out => "out ",
        RefKind.In => "in ",
        RefKind.RefReadOnlyParameter => "ref readonly ",
        _ => parameter.IsParams ? "params " : string.Empty,
    };

    private static string ArgumentModifier(RefKind refKind) => refKind switch
    {
        RefKind.Ref => "ref ",
        RefKind.Out => "out ",
        RefKind.In or RefKind.RefReadOnlyParameter => "in ",
        _ => string.Empty,
    };
}
