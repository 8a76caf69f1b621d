using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CarbonGen.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CarbonGen.CodeFixes;

/// <summary>CARBON001: "Track this method with [Carbon]" and "Track all methods of this type".</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TrackCodeFixProvider)), Shared]
public sealed class TrackCodeFixProvider : DocumentFixProvider
{
    public const string TrackMethodKey = "CARBON001.TrackMethod";
    public const string TrackTypeKey = "CARBON001.TrackType";
    public const string TrackMethodTitle = "Track this method with [Carbon]";
    public const string TrackTypeTitle = "Track all methods of this type";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [Descriptors.HotLoopId];

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root is null || MethodAt(root, diagnostic.Location.SourceSpan) is not { } method)
            {
                continue;
            }

            // A mark on a private or protected method could never take effect: offer only the type's mark.
            var typeOnly = diagnostic.Properties.ContainsKey(HotLoopAnalyzer.TypeOnlyProperty);
            if (!typeOnly)
            {
                Register(context, diagnostic, TrackMethodTitle, TrackMethodKey);
            }

            if (method.Parent is TypeDeclarationSyntax)
            {
                Register(context, diagnostic, TrackTypeTitle, TrackTypeKey);
            }
        }
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

        var methods = diagnostics
            .Where(d => equivalenceKey == TrackTypeKey || !d.Properties.ContainsKey(HotLoopAnalyzer.TypeOnlyProperty))
            .Select(d => MethodAt(root, d.Location.SourceSpan))
            .OfType<MethodDeclarationSyntax>();
        var targets = (equivalenceKey == TrackTypeKey
                ? methods.Select(m => m.Parent).OfType<TypeDeclarationSyntax>().Cast<MemberDeclarationSyntax>()
                : methods.Cast<MemberDeclarationSyntax>())
            .Distinct()
            .ToList();
        if (targets.Count == 0)
        {
            return document;
        }

        var needsUsing = !IsCarbonInScope(model, targets[0].SpanStart);
        var endOfLine = SyntaxEdits.EndOfLine(root);
        var newRoot = root.ReplaceNodes(targets, (_, rewritten) => SyntaxEdits.AddCarbon(rewritten, endOfLine));
        if (needsUsing && newRoot is CompilationUnitSyntax unit)
        {
            newRoot = SyntaxEdits.AddUsing(unit, SyntaxEdits.CarbonNamespace, endOfLine);
        }

        return document.WithSyntaxRoot(newRoot);
    }

    private static MethodDeclarationSyntax? MethodAt(SyntaxNode root, TextSpan span) =>
        root.FindToken(span.Start).Parent?.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault();

    private static bool IsCarbonInScope(SemanticModel model, int position) =>
        model.LookupNamespacesAndTypes(position, name: "CarbonAttribute")
            .Any(s => s.ToDisplayString() == "CarbonGen.CarbonAttribute");
}
