using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CarbonGen.Analyzers;

/// <summary>
/// CARBON002: <c>[Carbon]</c> where the compiler accepts it but no call can ever be intercepted (local
/// functions, lambdas, accessors, operators, finalizers, explicit interface implementations, partial
/// methods without an implementation, <c>async void</c> methods (never intercepted), and private or protected methods, which
/// generated code cannot call).
/// </summary>
/// <remarks>
/// <c>abstract</c> and <c>extern</c> methods are not reported: calls to them are intercepted like any
/// other (the interceptor keeps virtual dispatch, and needs no body).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MisplacedCarbonAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Property set on async void diagnostics: the code fix can make the method return Task.</summary>
    internal const string AsyncVoidProperty = "AsyncVoid";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.MisplacedCarbon];

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (CarbonSymbols.Create(start.Compilation) is { } symbols)
            {
                start.RegisterSyntaxNodeAction(c => Analyze(c, symbols), SyntaxKind.Attribute);
            }
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, CarbonSymbols symbols)
    {
        var attribute = (AttributeSyntax)context.Node;
        if (attribute.Parent is not AttributeListSyntax { Target: null } list || !IsCandidate(list.Parent))
        {
            return;
        }

        if (context.SemanticModel.GetSymbolInfo(attribute, context.CancellationToken).Symbol is not IMethodSymbol constructor
            || !SymbolEqualityComparer.Default.Equals(constructor.ContainingType, symbols.CarbonAttribute))
        {
            return;
        }

        var target = list.Parent!;
        var symbol = target is LambdaExpressionSyntax
            ? context.SemanticModel.GetSymbolInfo(target, context.CancellationToken).Symbol as IMethodSymbol
            : context.SemanticModel.GetDeclaredSymbol(target, context.CancellationToken) as IMethodSymbol;
        if (symbol is null || symbols.FindMark(symbol) is not { } mark || !CarbonSymbols.Tracks(mark))
        {
            return;
        }

        if (Problem(target, symbol, symbols) is not var (what, why, fix))
        {
            return;
        }

        var properties = target is MethodDeclarationSyntax && symbol.IsAsync && symbol.ReturnsVoid
            ? ImmutableDictionary<string, string?>.Empty.Add(AsyncVoidProperty, "true")
            : ImmutableDictionary<string, string?>.Empty;
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.MisplacedCarbon, attribute.GetLocation(), properties, what, why, fix));
    }

    /// <summary>Cheap syntactic filter, before any binding.</summary>
    private static bool IsCandidate(SyntaxNode? target) => target switch
    {
        LocalFunctionStatementSyntax or LambdaExpressionSyntax or AccessorDeclarationSyntax
            or OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax or DestructorDeclarationSyntax => true,
        // Any method: a private or protected one (or one in such a type) can never be called by generated code.
        MethodDeclarationSyntax => true,
        _ => false,
    };

    private static (string What, string Why, string Fix)? Problem(SyntaxNode target, IMethodSymbol method, CarbonSymbols symbols)
    {
        const string MoveToMethod = "move the work into a method of the type, mark that method and call it from here";
        switch (target)
        {
            case LocalFunctionStatementSyntax local:
                return ($"local function '{local.Identifier.ValueText}'", "calls to local functions cannot be intercepted", MoveToMethod);
            case LambdaExpressionSyntax:
                return ("a lambda", "a lambda runs through a delegate, which cannot be intercepted", "move the work into a method, mark that method and call it from the lambda");
            case AccessorDeclarationSyntax accessor:
                return ($"accessor '{accessor.Keyword.ValueText}'", "accessors are not called as methods, so they cannot be intercepted", MoveToMethod);
            case OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax:
                return ("an operator", "operators are not called as methods, so they cannot be intercepted", MoveToMethod);
            case DestructorDeclarationSyntax:
                return ("a finalizer", "the runtime calls finalizers, no call site can be intercepted", "remove [Carbon]");
        }

        var name = $"'{method.Name}'";
        if (method.MethodKind == MethodKind.ExplicitInterfaceImplementation)
        {
            return ($"explicit interface implementation '{method.ExplicitInterfaceImplementations[0].Name}'",
                "calls bind to the interface member, never to this implementation", MoveToMethod);
        }

        if (method.IsPartialDefinition && method.PartialImplementationPart is null)
        {
            return ($"partial method {name}", "it has no implementation, so the compiler removes every call to it", "implement the method or remove [Carbon]");
        }

        if (method.IsAsync && method.ReturnsVoid)
        {
            return ($"async void method {name}", "calls to it are never intercepted, because callers cannot await it", "return Task instead");
        }

        if (!symbols.IsCallableFromGeneratedCode(method))
        {
            return method.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal
                ? ($"{Describe(method.DeclaredAccessibility)} method {name}", "generated code cannot call a private or protected method", "make it internal or public")
                : ($"method {name}", $"generated code cannot call it, because its type '{method.ContainingType.Name}' is private or protected", "make the type internal or public");
        }

        return null;
    }

    private static string Describe(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Protected => "protected",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => "private",
    };
}
