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

    /// <summary>Cheap syntactic filter: invocations of a named method (<c>M()</c>, <c>M&lt;T&gt;()</c>, <c>x.M()</c>, <c>x?.M()</c>).</summary>
    public static bool IsCandidate(SyntaxNode node) => Interceptability.IsCallByName(node);

    public static CallSiteModel? Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        if (TrackedNames.CalledName(invocation) is not { } name || !TrackedNames.For(context.SemanticModel.Compilation).MayBeTracked(name))
        {
            return null;
        }

        if (context.SemanticModel.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
        {
            return null;
        }

        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        var carbon = context.SemanticModel.Compilation.GetTypeByMetadataName(KnownNames.CarbonAttributeMetadataName);
        if (carbon is null || !Tracking.IsTracked(definition, carbon, context.SemanticModel.Compilation, out var customName))
        {
            return null;
        }

        if (Interceptability.Check(invocation, method, context.SemanticModel, cancellationToken) is not null)
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
            Describe(definition, customName));
    }

    /// <summary>Describes a method definition (never a constructed or reduced form): one interceptor serves all its instantiations.</summary>
    private static TargetMethodModel Describe(IMethodSymbol method, string? customName)
    {
        var declaration = method.Locations.FirstOrDefault(l => l.IsInSource)?.GetLineSpan();
        var type = method.ContainingType;

        var typeParameters = ContainingTypeParameters(type)
            .Concat(method.TypeParameters)
            .Select(t => new TypeParameterModel(t.Name, SymbolSource.Constraints(t)))
            .ToImmutableArray();
        var parameters = method.Parameters
            .Select(p => new ParameterModel(SymbolSource.Type(p.Type), p.Name, DeclarationModifier(p), ArgumentModifier(p.RefKind), SymbolSource.ParameterAttributes(p)))
            .ToImmutableArray();

        return new TargetMethodModel(
            customName ?? method.ToDisplayString(DisplayFormat),
            type.ToDisplayString(ContainingTypeDisplayFormat),
            SymbolSource.Type(type),
            method.Name,
            MeasurementKinds.Of(method) ?? MeasurementKinds.Synchronous,
            Receiver(method),
            method.IsExtensionMethod,
            method.ReturnsVoid ? "void" : SymbolSource.Type(method.ReturnType),
            method.ReturnsByRefReadonly ? "ref readonly " : method.ReturnsByRef ? "ref " : string.Empty,
            new EquatableArray<TypeParameterModel>(typeParameters),
            method.TypeParameters.IsEmpty ? string.Empty : "<" + string.Join(", ", method.TypeParameters.Select(t => t.Name)) + ">",
            new EquatableArray<ParameterModel>(parameters),
            new EquatableArray<string>(SymbolSource.MethodAttributes(method)),
            declaration is { } d ? Path.GetFileName(d.Path) : null,
            declaration is { } l ? l.StartLinePosition.Line + 1 : 0);
    }

    private static ImmutableArray<ITypeParameterSymbol> ContainingTypeParameters(INamedTypeSymbol? type) =>
        type is null ? ImmutableArray<ITypeParameterSymbol>.Empty : ContainingTypeParameters(type.ContainingType).AddRange(type.TypeParameters);

    /// <summary>
    /// The interceptor's receiver parameter: a struct's method needs the receiver by reference, so that
    /// mutations stay visible to the caller (<c>in</c> when the method cannot mutate it).
    /// </summary>
    private static string Receiver(IMethodSymbol method)
    {
        if (method.IsStatic)
        {
            return string.Empty;
        }

        if (!method.ContainingType.IsValueType)
        {
            return "this ";
        }

        return method.IsReadOnly || method.ContainingType.IsReadOnly ? "this in " : "this ref ";
    }

    private static string DeclarationModifier(IParameterSymbol parameter)
    {
        var modifier = parameter.RefKind switch
        {
            RefKind.Ref => "ref ",
            RefKind.Out => "out ",
            RefKind.In => "in ",
            RefKind.RefReadOnlyParameter => "ref readonly ",
            _ => parameter.IsParams ? "params " : string.Empty,
        };

        // 'out' parameters are scoped implicitly; any other scoped parameter says so in its declaration.
        if (parameter.ScopedKind != ScopedKind.None && parameter.RefKind != RefKind.Out)
        {
            modifier = "scoped " + modifier;
        }

        // The receiver of an extension method keeps its 'this'.
        return parameter.Ordinal == 0 && parameter.ContainingSymbol is IMethodSymbol { IsExtensionMethod: true } ? "this " + modifier : modifier;
    }

    private static string ArgumentModifier(RefKind refKind) => refKind switch
    {
        RefKind.Ref => "ref ",
        RefKind.Out => "out ",
        RefKind.In or RefKind.RefReadOnlyParameter => "in ",
        _ => string.Empty,
    };
}
