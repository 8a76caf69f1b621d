using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CarbonGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CarbonGen.Analyzers;

/// <summary>
/// CARBON003 (a use of a tracked method that runs unmeasured) and CARBON005 (one report per project:
/// how many calls to tracked methods are intercepted). Both decide only with the generator's own
/// <see cref="Tracking.IsTracked"/> and <see cref="Interceptability.Check"/>, so they follow every
/// shape the generator learns to intercept.
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class UninterceptedUseAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The reason given for a call that is not written as a method call (foreach, collection initializer, query).</summary>
    internal const string ImplicitCallReason = "implicit call";

    /// <summary>The generator's reason for a call inside a lambda converted to an expression tree (<see cref="Interceptability.Check"/>).</summary>
    internal const string ExpressionTreeReason = Interceptability.ExpressionTreeReason;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [Descriptors.UninterceptedUse, Descriptors.InterceptionReport];

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (CarbonSymbols.Create(start.Compilation) is not { } symbols)
            {
                return;
            }

            var report = new Report();
            start.RegisterOperationAction(c => AnalyzeInvocation(c, symbols, report), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeMethodReference(c, symbols), OperationKind.MethodReference);
            start.RegisterCompilationEndAction(report.Emit);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, CarbonSymbols symbols, Report report)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!symbols.IsTracked(invocation.TargetMethod) || IsInNameof(invocation))
        {
            return;
        }

        // The generator binds the syntax (an extension method call is then its reduced form): ask the
        // rules about exactly the symbol it sees.
        var method = invocation.TargetMethod;
        string? reason;
        if (invocation.Syntax is InvocationExpressionSyntax syntax && invocation.SemanticModel is { } semanticModel)
        {
            if (semanticModel.GetSymbolInfo(syntax, context.CancellationToken).Symbol is IMethodSymbol bound)
            {
                method = bound;
            }

            reason = Interceptability.Check(syntax, method, semanticModel, context.CancellationToken);
        }
        else
        {
            reason = ImplicitCallReason;
        }

        if (reason is not null && ReportedOnDeclaration(reason, method, symbols))
        {
            // CARBON002 already says, on the mark itself, that it cannot work: no warning at every call.
            report.Count(reason, reported: false);
            return;
        }

        report.Count(reason);
        if (reason is null)
        {
            return;
        }

        var use = invocation.Syntax is InvocationExpressionSyntax ? "call" : "implicit call";
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.UninterceptedUse,
            invocation.Syntax.GetLocation(),
            method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
            use,
            reason,
            AdviceFor(reason)));
    }

    private static void AnalyzeMethodReference(OperationAnalysisContext context, CarbonSymbols symbols)
    {
        var reference = (IMethodReferenceOperation)context.Operation;
        if (!symbols.IsTracked(reference.Method) || IsInNameof(reference))
        {
            return;
        }

        var byValue = reference.Method.Parameters.All(p => p.RefKind == RefKind.None && !p.IsParams);
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.UninterceptedUse,
            reference.Syntax.GetLocation(),
            reference.Method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
            reference.Parent switch
            {
                IDelegateCreationOperation { IsImplicit: true } => "method group conversion",
                IDelegateCreationOperation => "delegate creation",
                _ => "method reference",
            },
            "interceptors replace calls, not method groups",
            byValue
                ? "call it in a lambda instead, e.g. (x) => M(x), so the call inside is intercepted"
                : "call it from a lambda or a method instead, so the call is intercepted"));
    }

    /// <summary>
    /// Whether CARBON002 reports the method's own mark for this reason (an async void method, a local function):
    /// the reason is then the mark's, said once on the declaration.
    /// </summary>
    private static bool ReportedOnDeclaration(string reason, IMethodSymbol method, CarbonSymbols symbols)
    {
        if (reason is not (Interceptability.AsyncVoidReason or Interceptability.NotOrdinaryReason))
        {
            return false;
        }

        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        return !definition.DeclaringSyntaxReferences.IsEmpty
            && symbols.FindMark(definition) is { } mark
            && CarbonSymbols.Tracks(mark);
    }

    private static string AdviceFor(string reason) => reason switch
    {
        ImplicitCallReason => "call it explicitly, or track the method that contains this code",
        Interceptability.NotAccessibleReason => "make it internal or public, or track the accessible method that calls it",
        ExpressionTreeReason => "call it outside the expression, or accept that the expression is not measured",
        Interceptability.AsyncVoidReason => "make it return Task, so that calls to it can be intercepted",
        _ => "the generator leaves this shape alone for now; track the method that contains this call to measure it",
    };

    private static bool IsInNameof(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is INameOfOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Counts calls to tracked methods, from many threads at once.</summary>
    private sealed class Report
    {
        private readonly ConcurrentDictionary<string, int> _skipped = new();
        private int _total;
        private int _intercepted;

        private int _reportedOnDeclaration;

        public void Count(string? reason, bool reported = true)
        {
            if (!reported)
            {
                Interlocked.Increment(ref _reportedOnDeclaration);
            }

            Interlocked.Increment(ref _total);
            if (reason is null)
            {
                Interlocked.Increment(ref _intercepted);
            }
            else
            {
                _skipped.AddOrUpdate(reason, 1, static (_, n) => n + 1);
            }
        }

        public void Emit(CompilationAnalysisContext context)
        {
            var total = Volatile.Read(ref _total);
            if (total == 0)
            {
                return;
            }

            var intercepted = Volatile.Read(ref _intercepted);
            var reasons = _skipped
                .OrderByDescending(p => p.Value)
                .ThenBy(p => p.Key, System.StringComparer.Ordinal)
                .Select(p => p.Value + " " + p.Key)
                .ToList();
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.InterceptionReport,
                Location.None,
                intercepted,
                total,
                total - intercepted,
                reasons.Count == 0 ? string.Empty : ": " + string.Join(", ", reasons),
                reasons.Count == 0 ? string.Empty
                : Volatile.Read(ref _reportedOnDeclaration) == 0 ? "; each skipped call is reported as CARBON003"
                : "; each skipped call is reported as CARBON003, or its mark as CARBON002"));
        }
    }
}
