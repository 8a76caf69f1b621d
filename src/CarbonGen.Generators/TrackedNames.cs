using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CarbonGen.Generators;

/// <summary>
/// The names of every method a compilation could track. A call whose name is not among them cannot
/// reach a tracked method, so it needs no semantic look-up: in a large solution, where most calls go
/// elsewhere, this is what keeps the generator cheap. Computed once per compilation and shared by all
/// of its call sites: marks in source are found syntactically (declarations only, never method
/// bodies), marks in referenced assemblies in their metadata (only assemblies that reference CarbonGen
/// can carry one).
/// </summary>
internal sealed class TrackedNames
{
    private static readonly ConditionalWeakTable<Compilation, TrackedNames> s_cache = new();

    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string> _markedPartialTypes = new(StringComparer.Ordinal);
    private bool _any;

    private TrackedNames()
    {
    }

    /// <summary>The names for <paramref name="compilation"/>, computed on first use.</summary>
    public static TrackedNames For(Compilation compilation) => s_cache.GetValue(compilation, Compute);

    /// <summary>Whether a method of this name may be tracked (always true under an assembly-wide mark).</summary>
    public bool MayBeTracked(string name) => _any || _names.Contains(name);

    /// <summary>The simple name a call is written with, or <see langword="null"/> for calls not made by name.</summary>
    public static string? CalledName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };

    private static TrackedNames Compute(Compilation compilation)
    {
        var names = new TrackedNames();
        foreach (var tree in compilation.SyntaxTrees)
        {
            names.AddFromSource(tree);
        }

        // A mark on one part of a partial type covers the methods of its other parts, wherever they are.
        if (names._markedPartialTypes.Count > 0 && !names._any)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                foreach (var type in Declarations(tree.GetRoot()).OfType<TypeDeclarationSyntax>())
                {
                    if (names._markedPartialTypes.Contains(type.Identifier.ValueText))
                    {
                        names.AddMethodsOf(type);
                    }
                }
            }
        }

        foreach (var reference in compilation.References)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly && ReferencesCarbonGen(assembly))
            {
                names.AddFromMetadata(assembly);
            }
        }

        return names;
    }

    private void AddFromSource(SyntaxTree tree)
    {
        // Only a file that mentions the attribute can mark anything ("Carbon" also finds files that rely on a global using).
        if (_any || tree.GetText().ToString().IndexOf(KnownNames.CarbonAttributeShortName, StringComparison.Ordinal) < 0)
        {
            return;
        }

        var root = tree.GetRoot();

        // An alias could name the attribute anything: then every name may be tracked.
        if (root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
            .OfType<UsingDirectiveSyntax>()
            .Any(u => u.Alias is not null && u.NamespaceOrType.ToString().Contains(KnownNames.CarbonNamespace)))
        {
            _any = true;
            return;
        }

        if (root is CompilationUnitSyntax unit && unit.AttributeLists.Any(HasCarbon))
        {
            _any = true;
            return;
        }

        foreach (var node in Declarations(root))
        {
            switch (node)
            {
                case TypeDeclarationSyntax type when type.AttributeLists.Any(HasCarbon):
                    AddMethodsOf(type);
                    if (type.Modifiers.Any(m => m.ValueText == "partial"))
                    {
                        _markedPartialTypes.Add(type.Identifier.ValueText);
                    }

                    break;
                case MethodDeclarationSyntax method when method.AttributeLists.Any(HasCarbon):
                    _names.Add(method.Identifier.ValueText);
                    break;
            }
        }
    }

    /// <summary>Namespaces, types and their members: never the inside of a method.</summary>
    private static IEnumerable<SyntaxNode> Declarations(SyntaxNode root) =>
        root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax);

    /// <summary>The methods of a type and of the types nested in it.</summary>
    private void AddMethodsOf(TypeDeclarationSyntax type)
    {
        foreach (var method in type.DescendantNodes(n => n is TypeDeclarationSyntax).OfType<MethodDeclarationSyntax>())
        {
            _names.Add(method.Identifier.ValueText);
        }
    }

    private static bool HasCarbon(AttributeListSyntax list) =>
        list.Attributes.Any(a => RightmostName(a.Name) is KnownNames.CarbonAttributeShortName or KnownNames.CarbonAttributeName);

    private static string RightmostName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => name.ToString(),
    };

    private static bool ReferencesCarbonGen(IAssemblySymbol assembly) =>
        assembly.Modules.Any(m => m.ReferencedAssemblies.Any(a => a.Name == KnownNames.CarbonNamespace));

    private void AddFromMetadata(IAssemblySymbol assembly)
    {
        if (assembly.GetAttributes().Any(IsCarbon))
        {
            _any = true;
            return;
        }

        var types = new Stack<INamespaceOrTypeSymbol>();
        types.Push(assembly.GlobalNamespace);
        while (types.Count > 0)
        {
            var container = types.Pop();
            foreach (var member in container.GetMembers())
            {
                switch (member)
                {
                    case INamespaceOrTypeSymbol nested:
                        types.Push(nested);
                        if (nested is INamedTypeSymbol type && type.GetAttributes().Any(IsCarbon))
                        {
                            foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
                            {
                                _names.Add(method.Name);
                            }
                        }

                        break;
                    case IMethodSymbol method when method.GetAttributes().Any(IsCarbon):
                        _names.Add(method.Name);
                        break;
                }
            }
        }
    }

    private static bool IsCarbon(AttributeData attribute) =>
        attribute.AttributeClass is { Name: KnownNames.CarbonAttributeName, ContainingNamespace.Name: KnownNames.CarbonNamespace };
}
