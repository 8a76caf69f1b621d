using System.Linq;

namespace CarbonGen.Generators.Tests;

/// <summary>The generated code, compared with the checked-in expected files under Snapshots/.</summary>
public class SnapshotTests
{
    private const string Library = """
        using CarbonGen;

        namespace Shop;

        public class Basket
        {
            private int _items;

            [Carbon]
            public int Add(int count, string? note = null)
            {
                _items += count;
                return _items;
            }

            [Carbon("shop.clear")]
            public void Clear() => _items = 0;
        }

        public static class Pricing
        {
            [Carbon]
            public static decimal Total(decimal[] prices, ref int rounds, out bool discounted, in decimal rate, params string[] tags)
            {
                rounds++;
                discounted = rate > 0;
                return prices.Sum() * (1 - rate);
            }

            [Carbon]
            public static void Log(string @event) { }

            public static decimal Untracked() => 0;
        }

        internal static class Extensions
        {
            public static decimal Sum(this decimal[] values)
            {
                decimal total = 0;
                foreach (var v in values) total += v;
                return total;
            }
        }
        """;

    private const string Checkout = """
        namespace Shop;

        public static class Checkout
        {
            public static decimal Run(Basket basket)
            {
                basket.Add(2);
                basket.Add(count: 1, note: "gift");
                var rounds = 0;
                var total = Pricing.Total([1m, 2m], ref rounds, out var discounted, 0.1m, "a", "b");
                Pricing.Log("checkout");
                Pricing.Untracked();
                basket.Clear();
                return discounted ? total : 0;
            }
        }
        """;

    private const string Audit = """
        namespace Shop.Audit;

        public static class Trail
        {
            public static void Record() => global::Shop.Pricing.Log("audit");
        }
        """;

    [Fact]
    public void Interceptors_and_catalog_match_the_snapshots()
    {
        var compilation = GeneratorHarness.CreateCompilation([("/src/Library.cs", Library), ("/src/Checkout.cs", Checkout), ("/src/Audit/Trail.cs", Audit)]);
        var (result, output) = GeneratorHarness.Run(compilation);
        GeneratorHarness.AssertClean(output);

        var sources = GeneratorHarness.GeneratedSources(result);
        Assert.Equal(["CarbonGen.Catalog.g.cs", "CarbonGen.InterceptsLocationAttribute.g.cs", "Checkout.Carbon.g.cs", "Trail.Carbon.g.cs"], sources.Keys.Order(System.StringComparer.Ordinal));
        foreach (var (hint, text) in sources)
        {
            Snapshot.Match("Shop/" + hint, text);
        }
    }

    [Fact]
    public void Output_is_the_same_whatever_the_order_of_the_files()
    {
        var forward = GeneratorHarness.CreateCompilation([("/src/Library.cs", Library), ("/src/Checkout.cs", Checkout), ("/src/Audit/Trail.cs", Audit)]);
        var backward = GeneratorHarness.CreateCompilation([("/src/Audit/Trail.cs", Audit), ("/src/Checkout.cs", Checkout), ("/src/Library.cs", Library)]);

        var a = GeneratorHarness.GeneratedSources(GeneratorHarness.Run(forward).Result);
        var b = GeneratorHarness.GeneratedSources(GeneratorHarness.Run(backward).Result);
        Assert.Equal(a.OrderBy(p => p.Key), b.OrderBy(p => p.Key));
    }

    [Fact]
    public void Files_with_the_same_name_in_different_folders_get_distinct_hint_names()
    {
        const string caller = """
            namespace Shop.X;
            public static class C { public static void Go() => global::Shop.Pricing.Log("x"); }
            """;
        var compilation = GeneratorHarness.CreateCompilation([("/src/Library.cs", Library), ("/src/a/Calls.cs", caller), ("/src/b/Calls.cs", caller.Replace("Shop.X", "Shop.Y"))]);
        var (result, output) = GeneratorHarness.Run(compilation);
        GeneratorHarness.AssertClean(output);
        Assert.Equal(["Calls.2.Carbon.g.cs", "Calls.Carbon.g.cs", "CarbonGen.Catalog.g.cs", "CarbonGen.InterceptsLocationAttribute.g.cs"], GeneratorHarness.GeneratedSources(result).Keys.Order(System.StringComparer.Ordinal));
    }

    [Fact]
    public void An_InterceptsLocationAttribute_the_compilation_already_sees_is_used_instead_of_declaring_one()
    {
        const string own = """
            namespace System.Runtime.CompilerServices
            {
                [System.AttributeUsage(System.AttributeTargets.Method, AllowMultiple = true)]
                internal sealed class InterceptsLocationAttribute(int version, string data) : System.Attribute
                {
                    public int Version { get; } = version;
                    public string Data { get; } = data;
                }
            }
            """;
        var compilation = GeneratorHarness.CreateCompilation([("/src/Library.cs", Library), ("/src/Checkout.cs", Checkout), ("/src/Own.cs", own)]);
        var (result, output) = GeneratorHarness.Run(compilation);
        GeneratorHarness.AssertClean(output);
        Assert.DoesNotContain(InterceptorEmitter.AttributeHintName, GeneratorHarness.GeneratedSources(result).Keys);
    }
}
