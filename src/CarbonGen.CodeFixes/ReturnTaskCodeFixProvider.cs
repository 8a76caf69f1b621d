using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CarbonGen.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace CarbonGen.CodeFixes;

/// <summary>CARBON002 on <c>async void</c>: "Return Task", so callers can await the method and calls to it are intercepted.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReturnTaskCodeFixProvider)), Shared]
public sealed class ReturnTaskCodeFixProvider : DocumentFixProvider
{
    public const string Key = "CARBON002.ReturnTask";
    public const string Title = "Return Task";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [Descriptors.MisplacedCarbonId];

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Properties.ContainsKey(MisplacedCarbonAnalyzer.AsyncVoidProperty))
            {
                Register(context, diagnostic, Title, Key);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var returnTypes = diagnostics
            .Where(d => d.Properties.ContainsKey(MisplacedCarbonAnalyzer.AsyncVoidProperty))
            .Select(d => root.FindNode(d.Location.SourceSpan).FirstAncestorOrSelf<MethodDeclarationSyntax>()?.ReturnType)
            .OfType<TypeSyntax>()
            .Distinct()
            .ToList();
        if (returnTypes.Count == 0)
        {
            return document;
        }

        var needsUsing = !model.LookupNamespacesAndTypes(returnTypes[0].SpanStart, name: "Task")
            .Any(s => s.ToDisplayString() == "System.Threading.Tasks.Task");
        var newRoot = root.ReplaceNodes(returnTypes, (original, _) => IdentifierName("Task").WithTriviaFrom(original));
        if (needsUsing && newRoot is CompilationUnitSyntax unit)
        {
            newRoot = SyntaxEdits.AddUsing(unit, "System.Threading.Tasks", SyntaxEdits.EndOfLine(root));
        }

        return document.WithSyntaxRoot(newRoot);
    }
}
