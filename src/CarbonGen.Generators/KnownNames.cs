namespace CarbonGen.Generators;

/// <summary>Names the generator looks for and the names it emits.</summary>
internal static class KnownNames
{
    public const string CarbonAttributeMetadataName = "CarbonGen.CarbonAttribute";
    public const string CarbonAttributeName = "CarbonAttribute";
    public const string CarbonAttributeShortName = "Carbon";
    public const string CarbonNamespace = "CarbonGen";
    public const string TrackProperty = "Track";

    /// <summary>The namespace of generated interceptors; the package's build targets add it to <c>InterceptorsNamespaces</c>.</summary>
    public const string GeneratedNamespace = "CarbonGen.Generated";
    public const string CatalogClass = "CarbonCatalog";

    public const string InterceptsLocationAttributeMetadataName = "System.Runtime.CompilerServices.InterceptsLocationAttribute";

    public const string DesignTimeBuildProperty = "build_property.DesignTimeBuild";
}
