using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CarbonGen.Analyzers;

/// <summary>
/// CARBON004: <c>[Carbon]</c> written on a method whose body is a few cheap operations (no calls, no
/// loops, no allocation): the measurement costs more than the work. Type- and assembly-level marks
/// are not reported (they are a deliberate bulk choice), nor are virtual, abstract or non-sealed
/// override methods (the mark also tracks their overrides, which may do real work).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TrivialTrackedMethodAnalyzer : DiagnosticAnalyzer
{
    /// <summary>More statements than this is not "trivial", whatever they do.</summary>
    private const int MaxStatements = 2;

    /// <summary>More operations than this is not "trivial", whatever they are.</summary>
    private const int MaxOperations = 24;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.TrivialTrackedMethod];

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (CarbonSymbols.Create(start.Compilation) is { } symbols)
            {
                start.RegisterOperationBlockAction(c => Analyze(c, symbols));
            }
        });
    }

    private static void Analyze(OperationBlockAnalysisContext context, CarbonSymbols symbols)
    {
        if (context.OwningSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method
            || (method.IsVirtual || method.IsAbstract || (method.IsOverride && !method.IsSealed && !method.ContainingType.IsSealed))
            || method.IsAsync
            || symbols.FindMark(method) is not { } mark
            || !CarbonSymbols.Tracks(mark)
            || mark.ApplicationSyntaxReference is not { } attributeSyntax)
        {
            return;
        }

        var bodies = 0;
        foreach (var block in context.OperationBlocks)
        {
            if (block is not (IBlockOperation or IMethodBodyOperation))
            {
                continue;
            }

            bodies++;
            if (!IsTrivial(block))
            {
                return;
            }
        }

        if (bodies > 0)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.TrivialTrackedMethod,
                attributeSyntax.GetSyntax(context.CancellationToken).GetLocation(),
                method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
        }
    }

    private static bool IsTrivial(IOperation body)
    {
        if (body.Syntax is BlockSyntax { Statements.Count: > MaxStatements })
        {
            return false;
        }

        var count = 0;
        foreach (var operation in body.DescendantsAndSelf())
        {
            if (++count > MaxOperations || !IsCheap(operation))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Operations that cost a few instructions. Anything that calls, allocates, loops, waits or throws is not.</summary>
    private static bool IsCheap(IOperation operation) => operation switch
    {
        IBlockOperation or IMethodBodyOperation or IReturnOperation { Kind: OperationKind.Return } or IExpressionStatementOperation
            or ILiteralOperation or ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation
            or IInstanceReferenceOperation or IDefaultValueOperation or IArrayElementReferenceOperation
            or IVariableDeclarationGroupOperation or IVariableDeclarationOperation or IVariableDeclaratorOperation or IVariableInitializerOperation
            or IConditionalOperation or ICoalesceOperation or IIsTypeOperation or IIsPatternOperation or IPatternOperation
            or IEmptyOperation or IParenthesizedOperation or ITupleOperation or IDiscardOperation => true,
        ISimpleAssignmentOperation => true,
        ICompoundAssignmentOperation compound => compound.OperatorMethod is null && !IsStringOperation(compound),
        IIncrementOrDecrementOperation change => change.OperatorMethod is null,
        IBinaryOperation binary => binary.OperatorMethod is null && !IsStringOperation(binary),
        IUnaryOperation unary => unary.OperatorMethod is null,
        IConversionOperation conversion => conversion.OperatorMethod is null && !conversion.Conversion.IsUserDefined
            && !(conversion.Operand.Type?.IsValueType == true && conversion.Type?.IsReferenceType == true),
        IPropertyReferenceOperation property => IsCheapProperty(property.Property),
        _ => false,
    };

    private static bool IsStringOperation(IOperation operation) => operation.Type?.SpecialType == SpecialType.System_String;

    /// <summary>Auto-properties, and the length or count of arrays, strings and the framework's collections.</summary>
    private static bool IsCheapProperty(IPropertySymbol property)
    {
        if (property.GetMethod is { } getter && getter.DeclaringSyntaxReferences.Length > 0)
        {
            // A source property is cheap when its getter has no body (an auto-property).
            foreach (var reference in getter.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is AccessorDeclarationSyntax { Body: null, ExpressionBody: null })
                {
                    return true;
                }
            }

            return false;
        }

        var type = property.ContainingType;
        var ns = type?.ContainingNamespace?.ToDisplayString();
        return type?.SpecialType == SpecialType.System_String && property.Name == "Length"
            || type?.SpecialType == SpecialType.System_Array && property.Name is "Length" or "LongLength"
            || (ns is "System.Collections.Generic" or "System.Collections.Immutable" && (property.Name is "Count" or "IsEmpty" || property.IsIndexer));
    }
}
