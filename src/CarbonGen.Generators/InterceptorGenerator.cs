using System.Linq;
using CarbonGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace CarbonGen.Generators;

/// <summary>
/// Emits an interceptor for every call, in this compilation, to a method marked <c>[Carbon]</c>
/// (on the method, a method it overrides, its type or its assembly; here or in a referenced assembly).
/// </summary>
/// <remarks>
/// Pipeline: invocation syntax → <see cref="CallSiteParser"/> (semantic check, equatable model) →
/// collect → per-file models and the catalog → <see cref="InterceptorEmitter"/>. An edit re-emits only
/// the files whose call sites changed; the catalog changes only when the set of tracked methods does.
/// Interceptors only matter to the compiled program, so they are registered as implementation output
/// and skipped in design-time builds.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class InterceptorGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for caching tests.</summary>
    public static class Steps
    {
        public const string DesignTime = nameof(DesignTime);
        public const string CallSites = nameof(CallSites);
        public const string AllCallSites = nameof(AllCallSites);
        public const string Files = nameof(Files);
        public const string Catalog = nameof(Catalog);
        public const string AttributeVisible = nameof(AttributeVisible);
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

        var files = all
            .SelectMany(static (sites, _) => InterceptorEmitter.Files(sites))
            .WithTrackingName(Steps.Files);

        var catalog = all
            .Select(static (sites, _) => InterceptorEmitter.Catalog(sites))
            .WithTrackingName(Steps.Catalog);

        context.RegisterImplementationSourceOutput(files.Combine(designTime), static (output, input) =>
        {
            var (file, isDesignTime) = input;
            if (!isDesignTime)
            {
                output.AddSource(file.HintName, InterceptorEmitter.EmitFile(file));
            }
        });

        var attributeVisible = context.CompilationProvider
            .Select(static (compilation, _) => compilation
                .GetTypesByMetadataName(KnownNames.InterceptsLocationAttributeMetadataName)
                .Any(type => compilation.IsSymbolAccessibleWithin(type, compilation.Assembly)))
            .WithTrackingName(Steps.AttributeVisible);

        context.RegisterImplementationSourceOutput(catalog.Combine(attributeVisible).Combine(designTime), static (output, input) =>
        {
            var ((methods, visible), isDesignTime) = input;
            if (!isDesignTime && !visible && methods.Count > 0)
            {
                output.AddSource(InterceptorEmitter.AttributeHintName, InterceptorEmitter.EmitAttribute());
            }
        });

        context.RegisterImplementationSourceOutput(catalog.Combine(designTime), static (output, input) =>
        {
            var (methods, isDesignTime) = input;
            if (!isDesignTime && methods.Count > 0)
            {
                output.AddSource(InterceptorEmitter.CatalogHintName, InterceptorEmitter.EmitCatalog(methods));
            }
        });
    }
}
