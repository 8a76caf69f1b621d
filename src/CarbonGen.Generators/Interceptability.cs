using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CarbonGen.Generators;

/// <summary>
/// Decides whether a call to a tracked method can be intercepted, and says why not when it cannot.
/// The generator intercepts exactly the calls this accepts; analyzers use the reasons to explain the rest.
/// </summary>
internal static class Interceptability
{
    /// <summary>Returns <see langword="null"/> when the call can be intercepted, otherwise a short reason ("generic method").</summary>
    public static string? Check(InvocationExpressionSyntax invocation, IMethodSymbol method, Compilation compilation)
    {
        if (method.MethodKind != MethodKind.Ordinary)
        {
            return "not an ordinary method";
        }

        if (method.IsExtensionMethod)
        {
            return "extension method";
        }

        if (method.IsGenericMethod || IsInGenericType(method.ContainingType))
        {
            return "generic method or type";
        }

        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            return "returns by reference";
        }

        if (method.ContainingType.TypeKind != TypeKind.Class)
        {
            return "method of a " + method.ContainingType.TypeKind.ToString().ToLowerInvariant();
        }

        // base.M() must stay a non-virtual call; the interceptor could only make a virtual one.
        if (invocation.Expression is MemberAccessExpressionSyntax { Expression: BaseExpressionSyntax })
        {
            return "base call";
        }

        // The interceptor calls the method from another class, so it must be able to see it and every type it names.
        if (!compilation.IsSymbolAccessibleWithin(method, compilation.Assembly))
        {
            return "not accessible from generated code";
        }

        if (!IsNameable(method.ReturnType, compilation) || method.Parameters.Any(p => !IsNameable(p.Type, compilation)))
        {
            return "a type in its signature cannot be named from generated code";
        }

        // Asynchronous and deferred results need measurement until completion; later versions handle them.
        return IsAwaitableOrSequence(method.ReturnType) ? "returns an awaitable or a sequence" : null;
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
}
