using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace CarbonGen.Generators;

/// <summary>
/// Bakes the project's CarbonGen MSBuild properties (<c>&lt;CarbonCountry&gt;FRA&lt;/CarbonCountry&gt;</c>,
/// <c>&lt;CarbonProjectName&gt;</c>, …) into the program: when at least one is set, emits a module
/// initializer that registers them with the runtime, where they rank below code, the environment and
/// <c>carbongen.json</c>. The properties reach the compiler through <c>CompilerVisibleProperty</c>
/// items in the package's <c>build/CarbonGen.props</c>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class BuildSettingsGenerator : IIncrementalGenerator
{
    /// <summary>Hint name of the generated file.</summary>
    public const string HintName = "CarbonGen.BuildSettings.g.cs";

    /// <summary>The MSBuild properties read, in the order they are emitted.</summary>
    public static readonly IReadOnlyList<string> Properties =
    [
        "CarbonProjectName", "CarbonExperimentId", "CarbonExperimentName", "CarbonCountry", "CarbonRegion",
        "CarbonCloudProvider", "CarbonCloudRegion", "CarbonPue", "CarbonWue", "CarbonOutputDir", "CarbonSummary",
        "CarbonCsv", "CarbonTrackingMode", "CarbonSamplingIntervalSeconds", "CarbonMethodSamplingIntervalMs", "CarbonCpuTdpWatts", "CarbonRamWatts",
        "CarbonIntensityGPerKwh", "CarbonElectricityMapsUrl", "CarbonElectricityMapsZone",
        "CarbonElectricityMapsTimeoutSeconds", "CarbonDetectCloud", "CarbonCloudMetadataUrl", "CarbonSci",
        "CarbonEmbodiedKgCo2e", "CarbonLifetimeYears",
    ];

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var values = context.AnalyzerConfigOptionsProvider.Select(static (options, _) =>
        {
            // Only the application bakes its settings: a library's initializer would run whenever the library
            // loads and could override the application's own values.
            if (options.GlobalOptions.TryGetValue("build_property.OutputType", out var outputType)
                && string.Equals(outputType.Trim(), "Library", System.StringComparison.OrdinalIgnoreCase))
            {
                return string.Empty;
            }

            var builder = new StringBuilder();
            foreach (var property in Properties)
            {
                if (options.GlobalOptions.TryGetValue("build_property." + property, out var value) && !string.IsNullOrWhiteSpace(value))
                {
                    // One line per property: name, a tab, the value (no tab or line break survives MSBuild here).
                    builder.Append(property).Append('\t').Append(value.Trim()).Append('\n');
                }
            }

            return builder.ToString();
        });

        var capable = context.CompilationProvider.Select(static (compilation, _) =>
            compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ModuleInitializerAttribute") is not null
            && compilation.GetTypeByMetadataName("CarbonGen.Configuration.BuildSettings") is not null);

        context.RegisterSourceOutput(values.Combine(capable), static (output, input) =>
        {
            var (text, isCapable) = input;
            if (!isCapable || text.Length == 0)
            {
                return;
            }

            var pairs = text.Split('\n')
                .Where(static line => line.Length > 0)
                .Select(static line => line.Split(['\t'], 2))
                .Select(static parts => (parts[0], parts[1]))
                .ToList();
            output.AddSource(HintName, BuildSettingsEmitter.Emit(pairs));
        });
    }
}
