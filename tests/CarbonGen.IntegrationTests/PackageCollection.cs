using Xunit;

namespace CarbonGen.IntegrationTests;

/// <summary>
/// The tests that share one packed package. One collection: they run one after another, which
/// also keeps their builds from competing for the machine.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackedPackageFixture>
{
    public const string Name = "Packed CarbonGen package";
}
