using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CarbonGen.Analyzers;

/// <summary>
/// CARBON001: a likely hot loop in a method that no <c>[Carbon]</c> covers. Precision comes before
/// recall: a loop is reported only on evidence that it runs hot (nested loops, a large constant trip
/// count, an unbounded loop that works rather than waits, <c>Parallel</c> loops, PLINQ, or calls to
/// tracked methods), and only where a <c>[Carbon]</c> can be added (ordinary methods of classes and
/// structs, not the entry point, whose cost is the process total anyway).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HotLoopAnalyzer : DiagnosticAnalyzer
{
    /// <summary>
    /// Property set when the method itself cannot be tracked (generated code cannot call a private or protected
    /// method): the code fix then offers only "Track all methods of this type", which measures its callers.
    /// </summary>
    internal const string TypeOnlyProperty = "TypeOnly";

    private static readonly string[] WaitingNamePrefixes =
        ["Sleep", "Delay", "Wait", "Read", "Receive", "Accept", "Take", "Join", "Dequeue", "GetConsumingEnumerable", "Listen", "Poll"];

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.HotLoop];

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

            start.RegisterOperationBlockAction(c => AnalyzeMethod(c, symbols));
        });
    }

    private static void AnalyzeMethod(OperationBlockAnalysisContext context, CarbonSymbols symbols)
    {
        // Top-level statements (an unspeakable method) and Main: the program's own cost is the process total.
        if (context.OwningSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary, IsImplicitlyDeclared: false, CanBeReferencedByName: true } method
            || method.ContainingType is not { TypeKind: TypeKind.Class or TypeKind.Struct }
            || method.DeclaringSyntaxReferences.IsEmpty
            || symbols.HasAnyMark(method)
            || (method.IsStatic && method.Name == WellKnownMemberNames.EntryPointMethodName))
        {
            return;
        }

        // A mark on a private or protected method could never take effect; a mark on its type tracks the
        // type's accessible methods (its callers). Where the type is out of reach too, nothing can help.
        var typeOnly = !symbols.IsCallableFromGeneratedCode(method);
        if (typeOnly && !symbols.IsAccessible(method.ContainingType))
        {
            return;
        }

        Walker? walker = null;
        foreach (var block in context.OperationBlocks)
        {
            if (block is IBlockOperation or IMethodBodyOperation)
            {
                walker ??= new Walker(context, method, symbols, HotLoopOptions.For(context.Options, block.Syntax.SyntaxTree), typeOnly);
                walker.Visit(block);
            }
        }
    }

    private sealed class Walker(OperationBlockAnalysisContext context, IMethodSymbol method, CarbonSymbols symbols, HotLoopOptions options, bool typeOnly)
    {
        private static readonly ImmutableDictionary<string, string?> TypeOnlyProperties =
            ImmutableDictionary<string, string?>.Empty.Add(TypeOnlyProperty, "true");

        public void Visit(IOperation operation)
        {
            switch (operation)
            {
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    // Deferred code: it may run anywhere, any number of times; not evidence about this method.
                    return;
                case ILoopOperation loop when WhyHot(loop) is { } why:
                    Report(LoopKeyword(loop), why);
                    return;
                case IInvocationOperation invocation when WhyHot(invocation) is { } why:
                    Report(NameOf(invocation), why);
                    return;
            }

            foreach (var child in operation.ChildOperations)
            {
                Visit(child);
            }
        }

        private void Report(Location location, string why) =>
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.HotLoop,
                location,
                typeOnly ? TypeOnlyProperties : ImmutableDictionary<string, string?>.Empty,
                method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
                why));

        private string? WhyHot(ILoopOperation loop)
        {
            var (depth, product) = Nest(loop);
            if (depth >= options.MinDepth && (product is null || product >= options.MinIterations) && !IsExemptNest(loop))
            {
                return $"has loops nested {depth} deep";
            }

            if (TripCount(loop) is { } count && count >= options.MinIterations)
            {
                return $"has a loop that runs {count.ToString("N0", CultureInfo.InvariantCulture)} times";
            }

            if (IsUnbounded(loop) && DoesWorkWithoutWaiting(loop.Body))
            {
                return "has an unbounded loop that does work";
            }

            return FirstTrackedCall(loop.Body) is { } tracked
                ? $"calls tracked method '{tracked.Name}' in a loop"
                : null;
        }

        private string? WhyHot(IInvocationOperation invocation)
        {
            var target = invocation.TargetMethod;
            var type = target.ContainingType?.ToDisplayString();
            switch (type)
            {
                case "System.Threading.Tasks.Parallel" when target.Name.StartsWith("For", StringComparison.Ordinal):
                    return $"runs Parallel.{target.Name}";
                case "System.Linq.ParallelEnumerable" when target.Name == "AsParallel":
                    return "runs a PLINQ query";
                case "System.Linq.Enumerable" or "System.Linq.ParallelEnumerable" when target.Name is "Range" or "Repeat"
                    && AsNumber(ArgumentAt(invocation, 1)) is { } count
                    && count >= options.MinIterations:
                    return $"enumerates {((long)count).ToString("N0", CultureInfo.InvariantCulture)} items";
                default:
                    return null;
            }
        }

        /// <summary>
        /// Nests that are not evidence of heat: over the command-line arguments (a handful), or waiting
        /// (an <c>await</c> or <c>await foreach</c> inside: the time goes into waiting, not work).
        /// </summary>
        private static bool IsExemptNest(ILoopOperation loop)
        {
            if (loop is IForEachLoopOperation { Collection: var collection } && Unwrap(collection) is IParameterReferenceOperation { Parameter: var parameter } && IsArgs(parameter))
            {
                return true;
            }

            if (loop is IForLoopOperation { Condition: { } condition }
                && condition.DescendantsAndSelf().Any(o => o is IParameterReferenceOperation { Parameter: var p } && IsArgs(p)))
            {
                return true;
            }

            return loop.DescendantsAndSelf().Any(o => o is IAwaitOperation or IForEachLoopOperation { IsAsynchronous: true });
        }

        /// <summary><c>args</c>, or the string array parameter of a <c>Main</c>.</summary>
        private static bool IsArgs(IParameterSymbol parameter) =>
            parameter.Name == "args"
            || (parameter.ContainingSymbol is IMethodSymbol { Name: WellKnownMemberNames.EntryPointMethodName } && parameter.Type is IArrayTypeSymbol);

        /// <summary>A <c>foreach</c> over the characters of a string: short, as a rule; it adds no depth to a nest.</summary>
        private static bool IsStringIteration(ILoopOperation loop) =>
            loop is IForEachLoopOperation { Collection: var collection } && Unwrap(collection).Type?.SpecialType == SpecialType.System_String;

        /// <summary>Depth of the loop nest rooted at <paramref name="loop"/>, and its total iterations when every trip count is a constant.</summary>
        private (int Depth, double? Product) Nest(ILoopOperation loop)
        {
            var innerDepth = 0;
            double? innerTotal = null;
            var anyInner = false;
            var allKnown = true;
            foreach (var inner in InnerLoops(loop.Body))
            {
                var (depth, product) = Nest(inner);
                innerDepth = Math.Max(innerDepth, depth);
                anyInner = true;
                allKnown &= product is not null;
                innerTotal = (innerTotal ?? 0) + (product ?? 0);
            }

            // The characters of a string add no level to the nest.
            var ownDepth = IsStringIteration(loop) ? 0 : 1;
            var own = TripCount(loop);
            if (own is not { } o || !allKnown)
            {
                return (innerDepth + ownDepth, null);
            }

            // Iterations of the innermost bodies, all together.
            return (innerDepth + ownDepth, anyInner ? o * innerTotal!.Value : o);
        }

        /// <summary>The outermost loops in <paramref name="operation"/> (a loop's body), itself included when it is a loop.</summary>
        private static System.Collections.Generic.IEnumerable<ILoopOperation> InnerLoops(IOperation? operation)
        {
            if (operation is null)
            {
                yield break;
            }

            // A loop body that is itself a loop, without braces: for (...) for (...) x++;
            if (operation is ILoopOperation body)
            {
                yield return body;
                yield break;
            }

            foreach (var child in operation.ChildOperations)
            {
                if (child is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    continue;
                }

                if (child is ILoopOperation loop)
                {
                    yield return loop;
                    continue;
                }

                foreach (var nested in InnerLoops(child))
                {
                    yield return nested;
                }
            }
        }

        private double? TripCount(ILoopOperation loop) => loop switch
        {
            IForLoopOperation forLoop => ForTripCount(forLoop),
            IForEachLoopOperation forEach => CollectionSize(forEach.Collection),
            _ => null,
        };

        /// <summary><c>for (var i = a; i &lt; b; i++)</c> and its variants, with constant bounds and step.</summary>
        private double? ForTripCount(IForLoopOperation loop)
        {
            if (loop.Condition is not IBinaryOperation condition || loop.AtLoopBottom.Length != 1)
            {
                return null;
            }

            ILocalSymbol? variable = null;
            double? start = null;
            if (loop.Before.Length == 1)
            {
                switch (loop.Before[0])
                {
                    case IVariableDeclarationGroupOperation group when group.Declarations.Length == 1 && group.Declarations[0].Declarators.Length == 1:
                        var declarator = group.Declarations[0].Declarators[0];
                        variable = declarator.Symbol;
                        start = AsNumber(declarator.Initializer?.Value);
                        break;
                    case IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment }:
                        variable = local.Local;
                        start = AsNumber(assignment.Value);
                        break;
                }
            }

            if (variable is null || start is null || Step(loop.AtLoopBottom[0], variable) is not { } step)
            {
                return null;
            }

            // Normalise to "i OP bound".
            var kind = condition.OperatorKind;
            double? bound;
            if (IsLocal(condition.LeftOperand, variable))
            {
                bound = Bound(condition.RightOperand);
            }
            else if (IsLocal(condition.RightOperand, variable))
            {
                bound = Bound(condition.LeftOperand);
                kind = kind switch
                {
                    BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
                    BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
                    BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
                    BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
                    _ => kind,
                };
            }
            else
            {
                return null;
            }

            if (bound is not { } b)
            {
                return null;
            }

            var span = kind switch
            {
                BinaryOperatorKind.LessThan when step > 0 => b - start.Value,
                BinaryOperatorKind.LessThanOrEqual when step > 0 => b - start.Value + 1,
                BinaryOperatorKind.GreaterThan when step < 0 => start.Value - b,
                BinaryOperatorKind.GreaterThanOrEqual when step < 0 => start.Value - b + 1,

                // i != N ends only when i lands on N exactly.
                BinaryOperatorKind.NotEquals when (b - start.Value) / step is var steps && steps >= 0 && steps == Math.Floor(steps) => steps * Math.Abs(step),
                _ => (double?)null,
            };
            return span is { } s ? Math.Max(0, Math.Ceiling(s / Math.Abs(step))) : null;
        }

        private static double? Step(IOperation bottom, ILocalSymbol variable)
        {
            var operation = bottom is IExpressionStatementOperation statement ? statement.Operation : bottom;
            return operation switch
            {
                IIncrementOrDecrementOperation change when IsLocal(change.Target, variable) =>
                    change.Kind is OperationKind.Increment ? 1 : -1,
                ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } add when IsLocal(add.Target, variable) && AsNumber(add.Value) is { } n && n != 0 => n,
                ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Subtract } sub when IsLocal(sub.Target, variable) && AsNumber(sub.Value) is { } n && n != 0 => -n,
                _ => null,
            };
        }

        /// <summary>A loop bound: a constant, or the length of an array whose size is known at compile time.</summary>
        private double? Bound(IOperation operation) =>
            AsNumber(operation)
            ?? (Unwrap(operation) is IPropertyReferenceOperation { Property.Name: "Length" or "LongLength", Instance: { Type: IArrayTypeSymbol } array }
                ? CollectionSize(array)
                : null);

        /// <summary>
        /// Size of a collection known at compile time: <c>Enumerable.Range(a, n)</c>, <c>new T[n]</c>, an initializer,
        /// a collection expression of an array type, or a local array assigned once from one of these.
        /// </summary>
        private double? CollectionSize(IOperation collection)
        {
            collection = Unwrap(collection);
            return collection switch
            {
                IInvocationOperation { TargetMethod: { Name: "Range" or "Repeat", ContainingType: var type } } range
                    when type?.ToDisplayString() is "System.Linq.Enumerable" or "System.Linq.ParallelEnumerable" =>
                    AsNumber(ArgumentAt(range, 1)),
                ILocalReferenceOperation { Local: var local } => LocalArraySize(local),
                _ => ArraySize(collection),
            };
        }

        /// <summary><c>new T[n]</c> with a constant <c>n</c>, <c>new[] { … }</c>, or <c>[…]</c> of an array type without spreads.</summary>
        private static double? ArraySize(IOperation operation) => operation switch
        {
            IArrayCreationOperation array when array.DimensionSizes.Length == 1 => AsNumber(array.DimensionSizes[0]),
            ICollectionExpressionOperation { Type: IArrayTypeSymbol { Rank: 1 } } expression when !expression.Elements.Any(e => e is ISpreadOperation) =>
                expression.Elements.Length,
            _ => null,
        };

        private System.Collections.Generic.Dictionary<ILocalSymbol, double>? _localArraySizes;

        /// <summary>The size of a local array that is initialized with a size known at compile time and never written again.</summary>
        private double? LocalArraySize(ILocalSymbol local)
        {
            if (local.Type is not IArrayTypeSymbol || local.RefKind != RefKind.None)
            {
                return null;
            }

            _localArraySizes ??= LocalArraySizes();
            return _localArraySizes.TryGetValue(local, out var size) ? size : null;
        }

        private System.Collections.Generic.Dictionary<ILocalSymbol, double> LocalArraySizes()
        {
            var sizes = new System.Collections.Generic.Dictionary<ILocalSymbol, double>(SymbolEqualityComparer.Default);
            var written = new System.Collections.Generic.HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
            foreach (var block in context.OperationBlocks)
            {
                foreach (var operation in block.DescendantsAndSelf())
                {
                    switch (operation)
                    {
                        case IVariableDeclaratorOperation { Symbol: { Type: IArrayTypeSymbol, RefKind: RefKind.None } symbol, Initializer.Value: var value }
                            when ArraySize(Unwrap(value)) is { } size:
                            sizes[symbol] = size;
                            break;
                        case ILocalReferenceOperation reference when IsWrite(reference):
                            written.Add(reference.Local);
                            break;
                    }
                }
            }

            foreach (var local in written)
            {
                sizes.Remove(local);
            }

            return sizes;
        }

        /// <summary>Whether a reference to a local may change it: assigned, incremented, passed or taken by reference, deconstructed into.</summary>
        private static bool IsWrite(ILocalReferenceOperation reference)
        {
            if (reference.IsDeclaration
                || reference.Syntax.Parent is RefExpressionSyntax
                || reference.Syntax.Parent is ArgumentSyntax { RefKindKeyword.RawKind: not 0 })
            {
                return true;
            }

            IOperation child = reference;
            for (var parent = reference.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case IAssignmentOperation assignment: // simple, compound, coalesce, deconstruction
                        return ReferenceEquals(assignment.Target, child);
                    case IIncrementOrDecrementOperation:
                        return true;
                    case ITupleOperation or IConversionOperation { IsImplicit: true }:
                        continue;
                    default:
                        return false;
                }
            }

            return false;
        }

        /// <summary>The argument for the parameter at <paramref name="ordinal"/>, whatever the order the call names them in.</summary>
        private static IOperation? ArgumentAt(IInvocationOperation invocation, int ordinal)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        private static bool IsUnbounded(ILoopOperation loop) => loop switch
        {
            IWhileLoopOperation { Condition: var condition } => condition is null || condition.ConstantValue is { HasValue: true, Value: true },
            IForLoopOperation { Condition: var condition } => condition is null || condition.ConstantValue is { HasValue: true, Value: true },
            _ => false,
        };

        /// <summary>Calls something or loops, and never awaits or calls anything that waits (Sleep, Delay, Read…, Receive…, Wait…).</summary>
        private static bool DoesWorkWithoutWaiting(IOperation? body)
        {
            if (body is null)
            {
                return false;
            }

            var works = false;
            foreach (var operation in body.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IAwaitOperation:
                        return false;
                    case IInvocationOperation invocation:
                        if (WaitingNamePrefixes.Any(p => invocation.TargetMethod.Name.StartsWith(p, StringComparison.Ordinal)))
                        {
                            return false;
                        }

                        works = true;
                        break;
                    case ILoopOperation when !ReferenceEquals(operation, body):
                        works = true;
                        break;
                }
            }

            return works;
        }

        private IMethodSymbol? FirstTrackedCall(IOperation? body)
        {
            if (body is null)
            {
                return null;
            }

            foreach (var operation in body.DescendantsAndSelf())
            {
                if (operation is IInvocationOperation invocation && symbols.IsTracked(invocation.TargetMethod))
                {
                    return invocation.TargetMethod;
                }
            }

            return null;
        }

        private static Location LoopKeyword(ILoopOperation loop) => loop.Syntax switch
        {
            ForStatementSyntax f => f.ForKeyword.GetLocation(),
            CommonForEachStatementSyntax f => f.ForEachKeyword.GetLocation(),
            WhileStatementSyntax w => w.WhileKeyword.GetLocation(),
            DoStatementSyntax d => d.DoKeyword.GetLocation(),
            var other => other.GetLocation(),
        };

        private static Location NameOf(IInvocationOperation invocation) => invocation.Syntax switch
        {
            InvocationExpressionSyntax { Expression: var expression } => expression.GetLocation(),
            var other => other.GetLocation(),
        };

        private static bool IsLocal(IOperation operation, ILocalSymbol variable) =>
            Unwrap(operation) is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, variable);

        private static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation { IsImplicit: true } conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        private static double? AsNumber(IOperation? operation) =>
            operation?.ConstantValue is { HasValue: true, Value: { } value } && value is not bool and not string and not char
                ? Convert.ToDouble(value, CultureInfo.InvariantCulture)
                : null;
    }
}
