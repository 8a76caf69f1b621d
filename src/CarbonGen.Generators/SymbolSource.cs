using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CarbonGen.Generators;

/// <summary>Writes symbols back as C# source for generated code: types, constraints, attributes.</summary>
internal static class SymbolSource
{
    /// <summary>Fully qualified, with nullable annotations: <c>global::System.IO.Stream?</c>, <c>int</c>, <c>T</c>.</summary>
    public static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>Namespaces whose attributes the interceptor repeats, so analysis of the generated code matches the original.</summary>
    private static readonly string[] RepeatedAttributeNamespaces = ["System.Diagnostics.CodeAnalysis"];

    private static readonly string[] RepeatedMethodAttributes =
    [
        "RequiresUnreferencedCodeAttribute",
        "RequiresDynamicCodeAttribute",
        "RequiresAssemblyFilesAttribute",
    ];

    public static string Type(ITypeSymbol type) => type.ToDisplayString(TypeFormat);

    /// <summary>The constraint list of a type parameter (what follows <c>where T :</c>), or empty.</summary>
    public static string Constraints(ITypeParameterSymbol parameter)
    {
        var parts = new List<string>();
        if (parameter.HasReferenceTypeConstraint)
        {
            parts.Add(parameter.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.Annotated ? "class?" : "class");
        }
        else if (parameter.HasUnmanagedTypeConstraint)
        {
            parts.Add("unmanaged");
        }
        else if (parameter.HasValueTypeConstraint)
        {
            parts.Add("struct");
        }
        else if (parameter.HasNotNullConstraint)
        {
            parts.Add("notnull");
        }

        for (var i = 0; i < parameter.ConstraintTypes.Length; i++)
        {
            var constraint = parameter.ConstraintTypes[i];
            var annotated = parameter.ConstraintNullableAnnotations[i] == NullableAnnotation.Annotated;
            parts.Add(Type(constraint.WithNullableAnnotation(annotated ? NullableAnnotation.Annotated : NullableAnnotation.NotAnnotated)));
        }

        if (parameter.HasConstructorConstraint && !parameter.HasValueTypeConstraint && !parameter.HasUnmanagedTypeConstraint)
        {
            parts.Add("new()");
        }

        if (parameter.AllowsRefLikeType)
        {
            parts.Add("allows ref struct");
        }

        return string.Join(", ", parts);
    }

    /// <summary>Attributes of a method to repeat on its interceptor: trimming/AOT requirements and return-value nullability.</summary>
    public static ImmutableArray<string> MethodAttributes(IMethodSymbol method)
    {
        var lines = ImmutableArray.CreateBuilder<string>();
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass is { } type && RepeatedMethodAttributes.Contains(type.Name) && IsIn(type, RepeatedAttributeNamespaces))
            {
                lines.Add("[" + Attribute(attribute) + "]");
            }
        }

        foreach (var attribute in method.GetReturnTypeAttributes())
        {
            if (attribute.AttributeClass is { } type && IsIn(type, RepeatedAttributeNamespaces))
            {
                lines.Add("[return: " + Attribute(attribute) + "]");
            }
        }

        return lines.ToImmutable();
    }

    /// <summary>Nullable flow-analysis attributes of a parameter (<c>[NotNullWhen(true)]</c> …), as a prefix, or empty.</summary>
    public static string ParameterAttributes(IParameterSymbol parameter)
    {
        var attributes = parameter.GetAttributes()
            .Where(a => a.AttributeClass is { } type && IsIn(type, RepeatedAttributeNamespaces))
            .Select(a => "[" + Attribute(a) + "] ");
        return string.Concat(attributes);
    }

    private static bool IsIn(INamedTypeSymbol type, string[] namespaces) =>
        namespaces.Contains(type.ContainingNamespace.ToDisplayString());

    private static string Attribute(AttributeData attribute)
    {
        var name = Type(attribute.AttributeClass!);
        var arguments = attribute.ConstructorArguments.Select(Constant)
            .Concat(attribute.NamedArguments.Select(n => n.Key + " = " + Constant(n.Value)))
            .ToList();
        return arguments.Count == 0 ? name : name + "(" + string.Join(", ", arguments) + ")";
    }

    private static string Constant(TypedConstant constant)
    {
        if (constant.IsNull)
        {
            return "null";
        }

        return constant.Kind switch
        {
            TypedConstantKind.Array => "new " + Type(constant.Type!) + " { " + string.Join(", ", constant.Values.Select(Constant)) + " }",
            TypedConstantKind.Type => "typeof(" + Type((ITypeSymbol)constant.Value!) + ")",
            TypedConstantKind.Enum => "(" + Type(constant.Type!) + ")" + SymbolDisplay.FormatPrimitive(constant.Value!, quoteStrings: true, useHexadecimalNumbers: false),
            _ => constant.Value is bool b ? (b ? "true" : "false") : SymbolDisplay.FormatPrimitive(constant.Value!, quoteStrings: true, useHexadecimalNumbers: false),
        };
    }
}
