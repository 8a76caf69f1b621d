using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CarbonGen.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CarbonGen.CodeFixes;

/// <summary>CARBON002 and CARBON004: "Remove [Carbon]" (the mark does nothing, or costs more than it measures).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveCarbonCodeFixProvider)), Shared]
public sealed class RemoveCarbonCodeFixProvider : DocumentFixProvider
{
    public const string Key = "CARBON.RemoveCarbon";
    public const string Title = "Remove [Carbon]";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [Descriptors.MisplacedCarbonId, Descriptors.TrivialTrackedMethodId];

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            Register(context, diagnostic, Title, Key);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // From the end of the file back, so the spans still to remove do not move.
        foreach (var span in diagnostics.Select(d => d.Location.SourceSpan).Distinct().OrderByDescending(s => s.Start))
        {
            if (root.FindNode(span).FirstAncestorOrSelf<AttributeSyntax>() is { } attribute)
            {
                root = SyntaxEdits.RemoveAttribute(root, attribute);
            }
        }

        return document.WithSyntaxRoot(root);
    }
}
