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

        if (Interceptability.Check(invocation, method, compilation) is not null)
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
