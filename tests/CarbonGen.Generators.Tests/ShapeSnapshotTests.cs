using System.Collections.Generic;
using System.Linq;

namespace CarbonGen.Generators.Tests;

/// <summary>The generated interceptor for each call shape, compared with Snapshots/Shapes/&lt;case&gt;/.</summary>
public class ShapeSnapshotTests
{
    private static readonly Dictionary<string, string> Cases = new()
    {
        ["Struct"] = """
            using CarbonGen;
            namespace Shapes;
            public struct Counter
            {
                public int Value;
                [Carbon] public void Increment(int by) => Value += by;
                [Carbon] public readonly int Peek() => Value;
            }
            public static class Use
            {
                public static int Run() { var c = new Counter(); c.Increment(2); return c.Peek(); }
            }
            """,
        ["Extension"] = """
            using CarbonGen;
            namespace Shapes;
            public static class Text
            {
                [Carbon] public static string Twice(this string s) => s + s;
                [Carbon] public static void Bump(this ref int n) => n++;
            }
            public static class Use
            {
                public static string Run() { var n = 0; n.Bump(); return "a".Twice() + Text.Twice("b") + n; }
            }
            """,
        ["Interface"] = """
            using CarbonGen;
            namespace Shapes;
            public interface IShape { [Carbon] double Area(); }
            public sealed class Square : IShape { public double Area() => 4; }
            public static class Use
            {
                public static double Run(IShape shape) => shape.Area() + shape?.Area() ?? 0;
            }
            """,
        ["Generic"] = """
            using System;
            using System.Collections.Generic;
            using CarbonGen;
            namespace Shapes;
            public class Box<T> where T : notnull
            {
                [Carbon] public TResult Map<TResult>(Func<T, TResult> map, T value) where TResult : class?, new() => map(value);
                public class Inner<U> { [Carbon] public static V Pick<V>(T t, U u, V v) where V : struct, IComparable<V> => v; }
            }
            public static class Use
            {
                public static object Run() => new Box<int>().Map(i => new List<int> { i }, 1).Count + Box<string>.Inner<bool>.Pick("a", true, 3);
            }
            """,
        ["RefReturn"] = """
            using CarbonGen;
            namespace Shapes;
            public static class Slots
            {
                private static readonly int[] s_slots = new int[2];
                [Carbon] public static ref int At(int i) => ref s_slots[i];
                [Carbon] public static ref readonly int Peek(int i) => ref s_slots[i];
            }
            public static class Use
            {
                public static int Run() { Slots.At(0) = 3; return Slots.Peek(0); }
            }
            """,
        ["Async"] = """
            using System.Threading.Tasks;
            using CarbonGen;
            namespace Shapes;
            public static class Io
            {
                [Carbon] public static async Task SaveAsync(string path) => await Task.Delay(1);
                [Carbon] public static ValueTask<int> ReadAsync(int x) => new(x);
            }
            public static class Use
            {
                public static async Task<int> Run() { await Io.SaveAsync("p"); return await Io.ReadAsync(1); }
            }
            """,
        ["Iterator"] = """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using CarbonGen;
            namespace Shapes;
            public static class Seq
            {
                [Carbon] public static IEnumerable<int> Numbers(int n) { for (var i = 0; i < n; i++) yield return i; }
                [Carbon] public static async IAsyncEnumerable<int> Stream() { await Task.Yield(); yield return 1; }
            }
            public static class Use
            {
                public static async Task<int> Run() { var t = 0; foreach (var i in Seq.Numbers(3)) t += i; await foreach (var j in Seq.Stream()) t += j; return t; }
            }
            """,
        ["Attributes"] = """
            using System.Diagnostics.CodeAnalysis;
            using CarbonGen;
            namespace Shapes;
            public static class Reflective
            {
                [Carbon, RequiresUnreferencedCode("Reads members by name.")]
                public static object? Read(object target, string member) => target.GetType().GetProperty(member)?.GetValue(target);

                [Carbon]
                public static bool TryFind(string key, [NotNullWhen(true)] out string? value) { value = key.Length > 0 ? key : null; return value is not null; }

                [Carbon]
                [return: NotNullIfNotNull(nameof(text))]
                public static string? Trim(string? text) => text?.Trim();
            }
            public static class Use
            {
                [RequiresUnreferencedCode("Calls Read.")]
                public static object? Run() => Reflective.TryFind("k", out var v) ? Reflective.Read(v, "Length") ?? Reflective.Trim(v) : null;
            }
            """,
    };

    public static IEnumerable<object[]> CaseNames => Cases.Keys.Order(System.StringComparer.Ordinal).Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Generated_code_matches_the_snapshot(string name)
    {
        var compilation = GeneratorHarness.CreateCompilation([("/src/" + name + ".cs", Cases[name])]);
        var (result, output) = GeneratorHarness.Run(compilation);
        GeneratorHarness.AssertClean(output);

        var sources = GeneratorHarness.GeneratedSources(result);
        Assert.Equal(new[] { InterceptorEmitter.AttributeHintName, InterceptorEmitter.CatalogHintName, name + ".Carbon.g.cs" }.Order(System.StringComparer.Ordinal), sources.Keys.Order(System.StringComparer.Ordinal));
        Snapshot.Match("Shapes/" + name, sources[name + ".Carbon.g.cs"]);
    }
}
