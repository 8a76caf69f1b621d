using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CarbonGen.CodeFixes;

/// <summary>
/// A code fix whose single fix and fix-all share one edit of a whole document: several diagnostics
/// in one method, or one type, add a single <c>[Carbon]</c> and a single <c>using</c>.
/// </summary>
public abstract class DocumentFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() => new FixAll(this);

    /// <summary>Fixes every diagnostic in <paramref name="diagnostics"/>, all in <paramref name="document"/>, the way <paramref name="equivalenceKey"/> says.</summary>
    protected abstract Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken);

    /// <summary>Registers one code action that fixes <paramref name="diagnostic"/> alone.</summary>
    protected void Register(CodeFixContext context, Diagnostic diagnostic, string title, string equivalenceKey) =>
        context.RegisterCodeFix(
            Microsoft.CodeAnalysis.CodeActions.CodeAction.Create(
                title,
                cancellationToken => FixAsync(context.Document, [diagnostic], equivalenceKey, cancellationToken),
                equivalenceKey),
            diagnostic);

    private sealed class FixAll(DocumentFixProvider owner) : DocumentBasedFixAllProvider
    {
        protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            if (diagnostics.IsEmpty || fixAllContext.CodeActionEquivalenceKey is not { } key)
            {
                return document;
            }

            return await owner.FixAsync(document, diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray(), key, fixAllContext.CancellationToken).ConfigureAwait(false);
        }
    }
}
