using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CarbonGen.Generators;

/// <summary>
/// Decides whether a call to a tracked method can be intercepted, and says why not when it cannot.
/// The generator intercepts exactly the calls this accepts; analyzers use the reasons to explain the rest.
/// </summary>
internal static class Interceptability
{
    /// <summary>The reason for a call to a method that generated code cannot see or name.</summary>
    public const string NotAccessibleReason = "not accessible from generated code";

    /// <summary>The reason for a call inside a lambda converted to an expression tree.</summary>
    public const string ExpressionTreeReason = "inside an expression tree";

    /// <summary>The reason for a call to a method that is not an ordinary method (a local function, for example).</summary>
    public const string NotOrdinaryReason = "not an ordinary method";

    /// <summary>The reason for a call to an <c>async void</c> method: callers cannot await it, so it is never intercepted.</summary>
    public const string AsyncVoidReason = "async void method";

    /// <summary>Returns <see langword="null"/> when the call can be intercepted, otherwise a short reason ("returns a pointer").</summary>
    public static string? Check(InvocationExpressionSyntax invocation, IMethodSymbol method, SemanticModel semanticModel, CancellationToken cancellationToken = default)
    {
        if (!IsCallByName(invocation))
        {
            return "not a call by name";
        }

        var compilation = semanticModel.Compilation;
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;

        if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.ReducedExtension))
        {
            return NotOrdinaryReason;
        }

        if (definition.IsStatic && definition.ContainingType.TypeKind == TypeKind.Interface && (definition.IsAbstract || definition.IsVirtual))
        {
            return "static abstract or virtual interface member";
        }

        if (method.ReturnsVoid && method.IsAsync)
        {
            return AsyncVoidReason;
        }

        // base.M() must stay a non-virtual call; the interceptor could only make a virtual one.
        if (invocation.Expression is MemberAccessExpressionSyntax { Expression: BaseExpressionSyntax })
        {
            return "base call";
        }

        if (IsInExpressionTree(invocation, semanticModel, cancellationToken))
        {
            return ExpressionTreeReason;
        }

        // The interceptor calls the method from a class of its own, so it must see the method and name every type involved.
        if (!compilation.IsSymbolAccessibleWithin(definition, compilation.Assembly)
            || !IsNameable(definition.ContainingType, compilation))
        {
            return NotAccessibleReason;
        }

        if (!IsNameable(definition.ReturnType, compilation) || definition.Parameters.Any(p => !IsNameable(p.Type, compilation)))
        {
            return "a type in its signature cannot be named from generated code";
        }

        if (HasDuplicateTypeParameterNames(definition))
        {
            return "a method type parameter hides a type parameter of its type";
        }

        if (!method.IsStatic && definition.ContainingType.IsValueType is false && definition.ContainingType.TypeKind == TypeKind.Interface
            && ReceiverType(invocation, semanticModel, cancellationToken) is { } receiver
            && (receiver.IsValueType || receiver.TypeKind == TypeKind.TypeParameter && !receiver.IsReferenceType))
        {
            return "interface call on a value-type or unconstrained generic receiver";
        }

        if (!method.ReturnsVoid && MeasurementKinds.Of(definition) is null)
        {
            return "returns an awaitable CarbonGen cannot follow";
        }

        return null;
    }

    /// <summary>
    /// A call written with the method's name (<c>M()</c>, <c>M&lt;T&gt;()</c>, <c>x.M()</c>, <c>x?.M()</c>): the only calls
    /// an interceptor can replace. Cheap and syntactic, so the generator filters with it first.
    /// </summary>
    public static bool IsCallByName(SyntaxNode node) =>
        node is InvocationExpressionSyntax { Expression: SimpleNameSyntax or MemberAccessExpressionSyntax or MemberBindingExpressionSyntax };

    private static bool IsInExpressionTree(SyntaxNode node, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        foreach (var lambda in node.Ancestors().OfType<LambdaExpressionSyntax>())
        {
            if (semanticModel.GetTypeInfo(lambda, cancellationToken).ConvertedType is INamedTypeSymbol
                {
                    Name: "Expression",
                    ContainingNamespace: { Name: "Expressions", ContainingNamespace: { Name: "Linq", ContainingNamespace.Name: "System" } },
                })
            {
                return true;
            }
        }

        return false;
    }

    private static ITypeSymbol? ReceiverType(InvocationExpressionSyntax invocation, SemanticModel semanticModel, CancellationToken cancellationToken) =>
        semanticModel.GetOperation(invocation, cancellationToken) is IInvocationOperation { Instance: { } instance } ? instance.Type : null;

    private static bool HasDuplicateTypeParameterNames(IMethodSymbol method)
    {
        var names = method.TypeParameters.Select(t => t.Name).ToList();
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            names.AddRange(type.TypeParameters.Select(t => t.Name));
        }

        return names.Distinct().Count() != names.Count;
    }

    private static bool IsNameable(ITypeSymbol type, Compilation compilation) => type switch
    {
        IPointerTypeSymbol or IFunctionPointerTypeSymbol or IErrorTypeSymbol => false,
        IArrayTypeSymbol array => IsNameable(array.ElementType, compilation),
        ITypeParameterSymbol => true,
        INamedTypeSymbol named => compilation.IsSymbolAccessibleWithin(named, compilation.Assembly)
            && !named.IsAnonymousType
            && !named.IsFileLocal
            && (named.ContainingType is null || IsNameable(named.ContainingType, compilation))
            && named.TypeArguments.All(t => IsNameable(t, compilation)),
        _ => true,
    };
}
