using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CarbonGen.Generators;

/// <summary>How a tracked method's work is measured, from its return type and how it was compiled.</summary>
internal static class MeasurementKinds
{
    public const string Synchronous = nameof(Synchronous);
    public const string Asynchronous = nameof(Asynchronous);
    public const string Iterator = nameof(Iterator);
    public const string AsyncIterator = nameof(AsyncIterator);

    /// <summary>
    /// The kind, or <see langword="null"/> for an awaitable CarbonGen cannot follow to completion without
    /// changing what the caller receives (anything awaitable but <c>Task</c>, <c>ValueTask</c> and their generic forms).
    /// </summary>
    public static string? Of(IMethodSymbol method)
    {
        var returnType = method.ReturnType;
        if (IsIterator(method))
        {
            return returnType.Name is "IAsyncEnumerable" or "IAsyncEnumerator" ? AsyncIterator : Iterator;
        }

        if (returnType is INamedTypeSymbol { Name: "Task" or "ValueTask", ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace.Name: "System" } } })
        {
            return Asynchronous;
        }

        var awaitable = returnType.GetMembers("GetAwaiter").OfType<IMethodSymbol>().Any(m => m.Parameters.IsEmpty && !m.IsStatic);
        return awaitable ? null : Synchronous;
    }

    /// <summary>
    /// An iterator: declared with <c>yield</c> in source, or compiled with the iterator state-machine attribute.
    /// Only iterators are wrapped; a method that returns a list as <c>IEnumerable&lt;T&gt;</c> hands back its list untouched.
    /// </summary>
    private static bool IsIterator(IMethodSymbol method)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is BaseMethodDeclarationSyntax { Body: { } body }
                && body.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)).OfType<YieldStatementSyntax>().Any())
            {
                return true;
            }
        }

        return method.GetAttributes().Any(a => a.AttributeClass is
        {
            Name: "IteratorStateMachineAttribute" or "AsyncIteratorStateMachineAttribute",
            ContainingNamespace: { Name: "CompilerServices", ContainingNamespace: { Name: "Runtime", ContainingNamespace.Name: "System" } },
        });
    }
}
