using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CarbonGen.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CarbonGen.CodeFixes;

/// <summary>
/// CARBON001: "Track this method with [Carbon]" and "Track all methods of this type". The type's mark goes on one
/// declaration of the type (its first part, wherever that is), so a partial type declared in several parts, in
/// several documents, gets exactly one <c>[Carbon]</c> even from fix-all in a project or the solution.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TrackCodeFixProvider)), Shared]
public sealed class TrackCodeFixProvider : CodeFixProvider
{
    public const string TrackMethodKey = "CARBON001.TrackMethod";
    public const string TrackTypeKey = "CARBON001.TrackType";
    public const string TrackMethodTitle = "Track this method with [Carbon]";
    public const string TrackTypeTitle = "Track all methods of this type";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [Descriptors.HotLoopId];

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => FixAll.Instance;

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
            if (!diagnostic.Properties.ContainsKey(HotLoopAnalyzer.TypeOnlyProperty))
            {
                Register(context, diagnostic, TrackMethodTitle, TrackMethodKey);
            }

            if (method.Parent is TypeDeclarationSyntax)
            {
                Register(context, diagnostic, TrackTypeTitle, TrackTypeKey);
            }
        }
    }

    private static void Register(CodeFixContext context, Diagnostic diagnostic, string title, string key)
    {
        var document = context.Document;
        context.RegisterCodeFix(
            CodeAction.Create(title, cancellationToken => FixAsync(document.Project.Solution, [(document, diagnostic)], key, cancellationToken), key),
            diagnostic);
    }

    /// <summary>Adds one <c>[Carbon]</c> per method (or per type) that the diagnostics point into, and the <c>using</c> where needed.</summary>
    private static async Task<Solution> FixAsync(Solution solution, IEnumerable<(Document Document, Diagnostic Diagnostic)> items, string key, CancellationToken cancellationToken)
    {
        // The declarations to mark, by document: a type's may be in another document than the diagnostic.
        var targets = new Dictionary<DocumentId, HashSet<TextSpan>>();
        foreach (var group in items.GroupBy(i => i.Document.Id))
        {
            var document = group.First().Document;
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                continue;
            }

            foreach (var (_, diagnostic) in group)
            {
                if (MethodAt(root, diagnostic.Location.SourceSpan) is not { } method)
                {
                    continue;
                }

                if (key == TrackMethodKey)
                {
                    if (!diagnostic.Properties.ContainsKey(HotLoopAnalyzer.TypeOnlyProperty))
                    {
                        Add(targets, document.Id, method.Span);
                    }

                    continue;
                }

                if (method.Parent is not TypeDeclarationSyntax typeDeclaration)
                {
                    continue;
                }

                // One declaration per type: the first of its parts, so fix-all never marks two parts (CS0579).
                var first = model.GetDeclaredSymbol(typeDeclaration, cancellationToken)?.DeclaringSyntaxReferences.FirstOrDefault();
                if (first is not null && solution.GetDocument(first.SyntaxTree) is { } firstDocument)
                {
                    Add(targets, firstDocument.Id, first.Span);
                }
                else
                {
                    Add(targets, document.Id, typeDeclaration.Span);
                }
            }
        }

        foreach (var pair in targets)
        {
            var (documentId, spans) = (pair.Key, pair.Value);
            var document = solution.GetDocument(documentId)!;
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                continue;
            }

            var members = spans
                .Select(span => root.DescendantNodesAndSelf(span).OfType<MemberDeclarationSyntax>().FirstOrDefault(m => m.Span == span))
                .OfType<MemberDeclarationSyntax>()
                .OrderBy(m => m.SpanStart)
                .ToList();
            if (members.Count == 0)
            {
                continue;
            }

            var needsUsing = !IsCarbonInScope(model, members[0].SpanStart);
            var endOfLine = SyntaxEdits.EndOfLine(root);
            SyntaxNode newRoot = root.ReplaceNodes(members, (_, rewritten) => SyntaxEdits.AddCarbon(rewritten, endOfLine));
            if (needsUsing && newRoot is CompilationUnitSyntax unit)
            {
                newRoot = SyntaxEdits.AddUsing(unit, SyntaxEdits.CarbonNamespace, endOfLine);
            }

            solution = solution.WithDocumentSyntaxRoot(documentId, newRoot);
        }

        return solution;
    }

    private static void Add(Dictionary<DocumentId, HashSet<TextSpan>> targets, DocumentId document, TextSpan span)
    {
        if (!targets.TryGetValue(document, out var spans))
        {
            targets[document] = spans = [];
        }

        spans.Add(span);
    }

    private static MethodDeclarationSyntax? MethodAt(SyntaxNode root, TextSpan span) =>
        root.FindToken(span.Start).Parent?.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault();

    private static bool IsCarbonInScope(SemanticModel model, int position) =>
        model.LookupNamespacesAndTypes(position, name: "CarbonAttribute")
            .Any(s => s.ToDisplayString() == "CarbonGen.CarbonAttribute");

    /// <summary>Fix-all at the solution level: diagnostics in one document can need an edit in another (a type's first part).</summary>
    private sealed class FixAll : FixAllProvider
    {
        public static readonly FixAll Instance = new();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => [FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution];

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            if (fixAllContext.CodeActionEquivalenceKey is not { } key)
            {
                return null;
            }

            var documents = fixAllContext.Scope switch
            {
                FixAllScope.Document when fixAllContext.Document is { } document => [document],
                FixAllScope.Project => fixAllContext.Project.Documents,
                FixAllScope.Solution => fixAllContext.Solution.Projects.SelectMany(p => p.Documents),
                _ => [],
            };

            var items = new List<(Document, Diagnostic)>();
            foreach (var document in documents)
            {
                foreach (var diagnostic in await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false))
                {
                    items.Add((document, diagnostic));
                }
            }

            if (items.Count == 0)
            {
                return null;
            }

            var title = key == TrackTypeKey ? TrackTypeTitle : TrackMethodTitle;
            var solution = fixAllContext.Solution;
            return CodeAction.Create(title, cancellationToken => FixAsync(solution, items, key, cancellationToken), key);
        }
    }
}
