using System.Linq;
using CarbonGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace CarbonGen.Generators;

/// <summary>
/// Emits an interceptor for every call, in this compilation, to a method marked <c>[Carbon]</c>
/// (on the method, its type or its assembly, here or in a referenced assembly).
/// </summary>
/// <remarks>
/// Pipeline: invocation syntax → <see cref="CallSiteParser"/> (semantic check, equatable model) →
/// collect → <see cref="InterceptorEmitter"/>. Interceptors only matter to the compiled program, so
/// they are registered as implementation output and skipped in design-time builds.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class InterceptorGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for caching tests.</summary>
    public static class Steps
    {
        public const string CallSites = nameof(CallSites);
        public const string AllCallSites = nameof(AllCallSites);
        public const string DesignTime = nameof(DesignTime);
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var designTime = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) =>
                options.GlobalOptions.TryGetValue(KnownNames.DesignTimeBuildProperty, out var value)
                && string.Equals(value, "true", System.StringComparison.OrdinalIgnoreCase))
            .WithTrackingName(Steps.DesignTime);

        var callSites = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => CallSiteParser.IsCandidate(node),
                static (syntax, cancellationToken) => CallSiteParser.Parse(syntax, cancellationToken))
            .Where(static site => site is not null)
            .Select(static (site, _) => site!)
            .WithTrackingName(Steps.CallSites);

        var all = callSites
            .Collect()
            .Select(static (sites, _) => new EquatableArray<CallSiteModel>(sites))
            .WithTrackingName(Steps.AllCallSites);

        context.RegisterImplementationSourceOutput(all.Combine(designTime), static (output, input) =>
        {
            var (sites, isDesignTime) = input;
            if (isDesignTime || sites.Count == 0)
            {
                return;
            }

            var list = sites.ToList();
            var catalog = InterceptorEmitter.Catalog(list);
            output.AddSource(InterceptorEmitter.CatalogHintName, InterceptorEmitter.EmitCatalog(catalog));
            foreach (var (hintName, source) in InterceptorEmitter.EmitInterceptorFiles(list, catalog))
            {
                output.AddSource(hintName, source);
            }
        });
    }
}
