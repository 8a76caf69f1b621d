using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace CarbonGen.CodeFixes;

/// <summary>Trivia-preserving edits: comments, indentation and line endings stay as the user wrote them.</summary>
internal static class SyntaxEdits
{
    public const string CarbonNamespace = CarbonGen.Generators.KnownNames.CarbonNamespace;

    /// <summary>The document's line ending (its first one), or <c>\n</c>.</summary>
    public static SyntaxTrivia EndOfLine(SyntaxNode root)
    {
        foreach (var trivia in root.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia;
            }
        }

        return LineFeed;
    }

    /// <summary>Adds <c>[Carbon]</c> after the member's existing attributes, on its own line at the member's indentation.</summary>
    public static MemberDeclarationSyntax AddCarbon(MemberDeclarationSyntax member, SyntaxTrivia endOfLine)
    {
        var list = AttributeList(SingletonSeparatedList(Attribute(IdentifierName("Carbon"))));
        var leading = member.GetLeadingTrivia();
        var indentation = Indentation(leading);

        if (member.AttributeLists.Count > 0)
        {
            var last = member.AttributeLists[member.AttributeLists.Count - 1];
            var onOwnLine = last.GetTrailingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            var added = onOwnLine
                ? list.WithLeadingTrivia(indentation).WithTrailingTrivia(endOfLine)
                : list.WithTrailingTrivia(last.GetTrailingTrivia());
            if (!onOwnLine)
            {
                member = member.ReplaceNode(last, last.WithTrailingTrivia(Space));
            }

            return member.WithAttributeLists(member.AttributeLists.Add(added));
        }

        var first = member.GetFirstToken();
        member = member.ReplaceToken(first, first.WithLeadingTrivia(indentation));
        return member.WithAttributeLists(SingletonList(list.WithLeadingTrivia(leading).WithTrailingTrivia(endOfLine)));
    }

    /// <summary>Removes <paramref name="attribute"/>, and its list when it is alone in it; the list's comments stay.</summary>
    public static SyntaxNode RemoveAttribute(SyntaxNode root, AttributeSyntax attribute)
    {
        if (attribute.Parent is not AttributeListSyntax list)
        {
            return root;
        }

        if (list.Attributes.Count > 1)
        {
            return root.ReplaceNode(list, list.WithAttributes(list.Attributes.Remove(attribute)));
        }

        var leading = list.GetLeadingTrivia();
        var withoutList = root.RemoveNode(list, SyntaxRemoveOptions.KeepNoTrivia)!;
        var next = withoutList.FindToken(list.FullSpan.Start);
        return withoutList.ReplaceToken(next, next.WithLeadingTrivia(leading));
    }

    /// <summary>Adds <c>using <paramref name="name"/>;</c> in order (System first) unless the compilation unit has it.</summary>
    public static CompilationUnitSyntax AddUsing(CompilationUnitSyntax unit, string name, SyntaxTrivia endOfLine)
    {
        if (unit.Usings.Any(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == name))
        {
            return unit;
        }

        var directive = ParseCompilationUnit("using " + name + ";").Usings[0].WithTrailingTrivia(endOfLine);
        var usings = unit.Usings;
        if (usings.Count == 0)
        {
            var first = unit.GetFirstToken();
            var separated = directive.WithLeadingTrivia(first.LeadingTrivia).WithTrailingTrivia(endOfLine, endOfLine);
            return unit.ReplaceToken(first, first.WithLeadingTrivia()).WithUsings(SingletonList(separated));
        }

        var index = 0;
        while (index < usings.Count && Compare(usings[index], name) < 0)
        {
            index++;
        }

        if (index == 0)
        {
            var oldFirst = usings[0];
            directive = directive.WithLeadingTrivia(oldFirst.GetLeadingTrivia());
            usings = usings.Replace(oldFirst, oldFirst.WithLeadingTrivia());
        }

        return unit.WithUsings(usings.Insert(index, directive));
    }

    /// <summary>The whitespace that indents the member's first line.</summary>
    private static SyntaxTriviaList Indentation(SyntaxTriviaList leading)
    {
        var start = leading.Count;
        while (start > 0 && leading[start - 1].IsKind(SyntaxKind.WhitespaceTrivia))
        {
            start--;
        }

        return TriviaList(leading.Skip(start));
    }

    /// <summary>Global, then plain usings with System first and the rest in order; aliases and static usings last.</summary>
    private static int Compare(UsingDirectiveSyntax existing, string name)
    {
        if (existing.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword))
        {
            return -1;
        }

        if (existing.Alias is not null || !existing.StaticKeyword.IsKind(SyntaxKind.None) || existing.Name is null)
        {
            return 1;
        }

        var text = existing.Name.ToString();
        var existingSystem = text == "System" || text.StartsWith("System.", StringComparison.Ordinal);
        var newSystem = name == "System" || name.StartsWith("System.", StringComparison.Ordinal);
        if (existingSystem != newSystem)
        {
            return existingSystem ? -1 : 1;
        }

        return string.Compare(text, name, StringComparison.OrdinalIgnoreCase);
    }
}
