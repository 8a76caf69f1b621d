using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace CarbonGen.Analyzers.Tests;

/// <summary>CARBON001: likely hot loops in methods no [Carbon] covers.</summary>
public class HotLoopTests
{
    private static DiagnosticResult Hot(int location, string method, string why) =>
        Verify.Diagnostic(Descriptors.HotLoop, location).WithArguments(method, why);

    private static Task Run(string source, params DiagnosticResult[] expected) => Verify.Run<HotLoopAnalyzer>(source, expected);

    [Fact]
    public Task Nested_loops_are_reported_once_on_the_outer_loop() => Run("""
        public static class Grid
        {
            public static long Sum(int[][] rows)
            {
                long sum = 0;
                {|#0:foreach|} (var row in rows)
                {
                    for (var i = 0; i < row.Length; i++)
                    {
                        sum += row[i];
                    }
                }

                return sum;
            }
        }
        """,
        Hot(0, "Grid.Sum(int[][])", "has loops nested 2 deep"));

    [Fact]
    public Task Constant_trip_counts_at_or_above_the_threshold_are_reported() => Run("""
        using System.Linq;

        public class Work
        {
            public double Up()
            {
                var x = 0.0;
                {|#0:for|} (var i = 0; i < 1000; i++) { x += i * 0.5; }
                return x;
            }

            public int Down()
            {
                var n = 0;
                {|#1:for|} (var i = 5000; i > 0; i -= 2) { n ^= i; }
                return n;
            }

            public int Range()
            {
                var n = 0;
                {|#2:foreach|} (var i in Enumerable.Range(0, 20_000)) { n += i; }
                return n;
            }

            public int Array()
            {
                var n = 0;
                {|#3:foreach|} (var i in new int[4096]) { n += i; }
                return n;
            }

            public int Linq() => {|#4:Enumerable.Range|}(1, 1_000_000).Count(i => i % 7 == 0);

            public int BelowThreshold()
            {
                var n = 0;
                for (var i = 0; i < 999; i++) { n += i; }
                return n;
            }
        }
        """,
        Hot(0, "Work.Up()", "has a loop that runs 1,000 times"),
        Hot(1, "Work.Down()", "has a loop that runs 2,500 times"),
        Hot(2, "Work.Range()", "has a loop that runs 20,000 times"),
        Hot(3, "Work.Array()", "has a loop that runs 4,096 times"),
        Hot(4, "Work.Linq()", "enumerates 1,000,000 items"));

    [Fact]
    public Task Sizes_known_at_compile_time_through_locals_not_equal_conditions_and_named_arguments_are_reported() => Run("""
        using System.Linq;

        public class Known
        {
            public int EachOfArray()
            {
                var data = new int[5000];
                var n = 0;
                {|#0:foreach|} (var x in data) { n += x; }
                return n;
            }

            public int ForOverLength()
            {
                var data = new double[2048];
                var n = 0;
                {|#1:for|} (var i = 0; i < data.Length; i++) { n += (int)data[i]; }
                return n;
            }

            public int NotEqual()
            {
                var n = 0;
                {|#2:for|} (var i = 0; i != 3000; i++) { n ^= i; }
                return n;
            }

            public int NamedInOrder()
            {
                var n = 0;
                {|#3:foreach|} (var i in Enumerable.Range(start: 0, count: 5000)) { n += i; }
                return n;
            }

            public int NamedSwapped()
            {
                var n = 0;
                {|#4:foreach|} (var i in Enumerable.Range(count: 6000, start: 1)) { n += i; }
                return n;
            }

            public int LinqNamedSwapped() => {|#5:Enumerable.Range|}(count: 100_000, start: 1).Count(i => i % 7 == 0);

            public int CollectionExpression()
            {
                int[] data = [1, 2, 3];
                var n = 0;
                foreach (var x in data) { n += x; }
                return n;
            }
        }
        """,
        Hot(0, "Known.EachOfArray()", "has a loop that runs 5,000 times"),
        Hot(1, "Known.ForOverLength()", "has a loop that runs 2,048 times"),
        Hot(2, "Known.NotEqual()", "has a loop that runs 3,000 times"),
        Hot(3, "Known.NamedInOrder()", "has a loop that runs 5,000 times"),
        Hot(4, "Known.NamedSwapped()", "has a loop that runs 6,000 times"),
        Hot(5, "Known.LinqNamedSwapped()", "enumerates 100,000 items"));

    [Fact]
    public Task Array_initializers_and_collection_expressions_count_their_elements() =>
        new AnalyzerTest<HotLoopAnalyzer>("""
            public static class Table
            {
                public static int Initializer()
                {
                    var data = new[] { 1, 2, 3, 4 };
                    var n = 0;
                    {|#0:foreach|} (var x in data) { n += x; }
                    return n;
                }

                public static int Expression()
                {
                    int[] data = [1, 2, 3, 4, 5];
                    var n = 0;
                    {|#1:for|} (var i = 0; i < data.Length; i++) { n += data[i]; }
                    return n;
                }

                public static int Short()
                {
                    int[] data = [1, 2, 3];
                    var n = 0;
                    foreach (var x in data) { n += x; }
                    return n;
                }
            }
            """,
            Hot(0, "Table.Initializer()", "has a loop that runs 4 times"),
            Hot(1, "Table.Expression()", "has a loop that runs 5 times"))
            .WithEditorConfig("carbongen.hot_loop.min_iterations = 4")
            .RunAsync(CancellationToken.None);

    [Fact]
    public Task Sizes_that_are_not_known_stay_unreported() => Run("""
        using System.Linq;

        public class Unknown
        {
            public int Reassigned(int size)
            {
                var data = new int[5000];
                if (size > 0) { data = new int[size]; }
                var n = 0;
                foreach (var x in data) { n += x; }
                return n;
            }

            public int PassedByRef(int size)
            {
                var data = new int[5000];
                Resize(ref data, size);
                var n = 0;
                for (var i = 0; i < data.Length; i++) { n += data[i]; }
                return n;
            }

            public int SmallArray()
            {
                var data = new int[16];
                var n = 0;
                foreach (var x in data) { n += x; }
                return n;
            }

            public int VariableSize(int size)
            {
                var data = new int[size];
                var n = 0;
                foreach (var x in data) { n += x; }
                return n;
            }

            public int NotEqualMissesTheBound()
            {
                var n = 0;
                for (var i = 0; i != 3001; i += 2) { n ^= i; if (i > 10) break; }
                return n;
            }

            public int SmallNamedRange() => Enumerable.Range(count: 10, start: 100_000).Sum();

            private static void Resize(ref int[] data, int size) => data = new int[size];
        }
        """);

    [Fact]
    public Task Unbounded_loops_that_work_are_reported_and_those_that_wait_are_not() => Run("""
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        public class Loops
        {
            private long _state = 1;

            public void Spin()
            {
                {|#0:while|} (true)
                {
                    _state = Next(_state);
                    if (_state == 0) { break; }
                }
            }

            public void Forever()
            {
                {|#1:for|} (;;) { _state = Next(_state); }
            }

            public void Poller()
            {
                while (true) { Thread.Sleep(1000); _state = Next(_state); }
            }

            public void Reader()
            {
                while (true)
                {
                    var line = Console.ReadLine();
                    if (line is null) { return; }
                    _state += line.Length;
                }
            }

            public async Task Pump()
            {
                while (true) { await Task.Delay(10); _state = Next(_state); }
            }

            public void Empty()
            {
                while (true) { }
            }

            private static long Next(long x) => (x * 6364136223846793005L) + 1;
        }
        """,
        Hot(0, "Loops.Spin()", "has an unbounded loop that does work"),
        Hot(1, "Loops.Forever()", "has an unbounded loop that does work"));

    [Fact]
    public Task Parallel_loops_and_PLINQ_are_reported() => Run("""
        using System.Linq;
        using System.Threading.Tasks;

        public static class Batch
        {
            public static void Each(int[] items) => {|#0:Parallel.ForEach|}(items, i => { });

            public static void Indexed(int n) => {|#1:Parallel.For|}(0, n, i => { });

            public static int Query(int[] items) => {|#2:items.AsParallel|}().Sum();
        }
        """,
        Hot(0, "Batch.Each(int[])", "runs Parallel.ForEach"),
        Hot(1, "Batch.Indexed(int)", "runs Parallel.For"),
        Hot(2, "Batch.Query(int[])", "runs a PLINQ query"));

    [Fact]
    public Task A_loop_calling_a_tracked_method_is_reported() => Run("""
        using CarbonGen;

        public static class Primes
        {
            [Carbon]
            public static bool IsPrime(int n) { for (var d = 2; d * d <= n; d++) { if (n % d == 0) { return false; } } return n > 1; }
        }

        public static class Report
        {
            public static int Count(int[] candidates)
            {
                var count = 0;
                {|#0:foreach|} (var c in candidates)
                {
                    if (Primes.IsPrime(c)) { count++; }
                }

                return count;
            }
        }
        """,
        Hot(0, "Report.Count(int[])", "calls tracked method 'IsPrime' in a loop"));

    [Fact]
    public Task Methods_covered_by_any_mark_are_not_reported() => Run("""
        using CarbonGen;

        public static class Marked
        {
            [Carbon]
            public static int Tracked(int[][] rows) { var n = 0; foreach (var r in rows) { foreach (var x in r) { n += x; } } return n; }

            [Carbon(Track = false)]
            public static int OptedOut(int[][] rows) { var n = 0; foreach (var r in rows) { foreach (var x in r) { n += x; } } return n; }
        }

        [Carbon]
        public class WholeType
        {
            public int Work(int[][] rows) { var n = 0; foreach (var r in rows) { foreach (var x in r) { n += x; } } return n; }

            public class Nested
            {
                public int Work(int[][] rows) { var n = 0; foreach (var r in rows) { foreach (var x in r) { n += x; } } return n; }
            }
        }

        public abstract class Base
        {
            [Carbon]
            public virtual int Work(int[][] rows) => 0;
        }

        public class Derived : Base
        {
            public override int Work(int[][] rows) { var n = 0; foreach (var r in rows) { foreach (var x in r) { n += x; } } return n; }
        }
        """);

    [Fact]
    public Task Where_no_attribute_can_go_nothing_is_reported() => Run("""
        using System;

        public class Places
        {
            private readonly int[] _data = new int[10];

            public Places(int[][] rows) { foreach (var r in rows) { foreach (var x in r) { _data[0] += x; } } }

            public int Property { get { var n = 0; for (var i = 0; i < 100_000; i++) { n += i; } return n; } }

            public Func<int> Deferred() => () => { var n = 0; for (var i = 0; i < 100_000; i++) { n += i; } return n; };

            public int Local()
            {
                return Inner();

                static int Inner() { var n = 0; for (var i = 0; i < 100_000; i++) { n += i; } return n; }
            }
        }

        public static class Program
        {
            public static void Main(string[] args)
            {
                foreach (var a in args) { foreach (var c in a) { Console.Write(c); } }
                for (var i = 0; i < 1_000_000; i++) { }
            }
        }
        """);

    [Fact]
    public async Task Top_level_statements_are_not_reported()
    {
        var test = new AnalyzerTest<HotLoopAnalyzer>("""
            for (var i = 0; i < 1_000_000; i++)
            {
                for (var j = 0; j < 10; j++) { System.Console.Write(i + j); }
            }
            """);
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Small_constant_nests_are_not_hot() => Run("""
        public static class Small
        {
            public static int Board()
            {
                var n = 0;
                for (var i = 0; i < 3; i++)
                {
                    for (var j = 0; j < 3; j++) { n += i * j; }
                }

                return n;
            }
        }
        """);

    [Fact]
    public Task Editorconfig_lowers_the_iteration_threshold() =>
        new AnalyzerTest<HotLoopAnalyzer>("""
            public static class Retry
            {
                public static int Attempts()
                {
                    var n = 0;
                    {|#0:for|} (var i = 0; i < 100; i++) { n += i; }
                    for (var i = 0; i < 99; i++) { n += i; }
                    return n;
                }
            }
            """,
            Hot(0, "Retry.Attempts()", "has a loop that runs 100 times"))
            .WithEditorConfig("carbongen.hot_loop.min_iterations = 100")
            .RunAsync(CancellationToken.None);

    [Fact]
    public Task Editorconfig_raises_the_depth_threshold() =>
        new AnalyzerTest<HotLoopAnalyzer>("""
            public static class Cube
            {
                public static int TwoDeep(int[][] rows)
                {
                    var n = 0;
                    foreach (var r in rows) { foreach (var x in r) { n += x; } }
                    return n;
                }

                public static int ThreeDeep(int[][][] cube)
                {
                    var n = 0;
                    {|#0:foreach|} (var plane in cube) { foreach (var r in plane) { foreach (var x in r) { n += x; } } }
                    return n;
                }
            }
            """,
            Hot(0, "Cube.ThreeDeep(int[][][])", "has loops nested 3 deep"))
            .WithEditorConfig("carbongen.hot_loop.min_depth = 3")
            .RunAsync(CancellationToken.None);

    [Fact]
    public Task Unusable_editorconfig_values_keep_the_defaults() =>
        new AnalyzerTest<HotLoopAnalyzer>("""
            public static class Defaults
            {
                public static int Loop()
                {
                    var n = 0;
                    for (var i = 0; i < 500; i++) { n += i; }
                    {|#0:for|} (var i = 0; i < 1000; i++) { n += i; }
                    return n;
                }
            }
            """,
            Hot(0, "Defaults.Loop()", "has a loop that runs 1,000 times"))
            .WithEditorConfig("carbongen.hot_loop.min_iterations = lots\ncarbongen.hot_loop.min_depth = -1")
            .RunAsync(CancellationToken.None);

    [Fact]
    public Task Severity_is_set_in_editorconfig() =>
        new AnalyzerTest<HotLoopAnalyzer>("""
            public static class Raised
            {
                public static int Loop() { var n = 0; {|#0:for|} (var i = 0; i < 5000; i++) { n += i; } return n; }
            }
            """,
            Hot(0, "Raised.Loop()", "has a loop that runs 5,000 times").WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning))
            .WithEditorConfig("dotnet_diagnostic.CARBON001.severity = warning")
            .RunAsync(CancellationToken.None);

    [Fact]
    public async Task Generated_code_is_not_analyzed()
    {
        var test = new AnalyzerTest<HotLoopAnalyzer>("public static class Empty { }");
        test.TestState.Sources.Add(("Generated.g.cs", """
            // <auto-generated/>
            public static class Generated
            {
                public static int Loop() { var n = 0; for (var i = 0; i < 1_000_000; i++) { n += i; } return n; }
            }
            """));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Without_a_CarbonGen_reference_nothing_is_reported()
    {
        var test = new AnalyzerTest<HotLoopAnalyzer>("""
            public static class NoPackage
            {
                public static int Loop() { var n = 0; for (var i = 0; i < 1_000_000; i++) { n += i; } return n; }
            }
            """);
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(TestReferences.WithoutCarbonGen);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Methods_of_private_types_are_not_reported_since_no_mark_could_track_them() => Run("""
        public static class Outer
        {
            public static int Run() => Hidden.Spin();

            private static class Hidden
            {
                public static int Spin() { var n = 0; for (var i = 0; i < 5000; i++) { n += i; } return n; }
            }
        }
        """);

    [Fact]
    public Task Loops_nested_without_braces_are_reported() => Run("""
        public static class Grid
        {
            public static long Sum(int[][] rows)
            {
                long sum = 0;
                {|#0:foreach|} (var row in rows) foreach (var cell in row) sum += cell;
                return sum;
            }

            public static long Count(int n, int m)
            {
                long count = 0;
                {|#1:for|} (var i = 0; i < n; i++) for (var j = 0; j < m; j++) count++;
                return count;
            }

            public static long Deep(int n)
            {
                long count = 0;
                {|#2:for|} (var i = 0; i < n; i++) while (count < i) do count++; while (count % 3 != 0);
                return count;
            }

            public static long Small()
            {
                // Constant bounds, 10 x 10 = 100 iterations in all: below the threshold.
                long count = 0;
                for (var i = 0; i < 10; i++) for (var j = 0; j < 10; j++) count++;
                return count;
            }
        }
        """,
        Hot(0, "Grid.Sum(int[][])", "has loops nested 2 deep"),
        Hot(1, "Grid.Count(int, int)", "has loops nested 2 deep"),
        Hot(2, "Grid.Deep(int)", "has loops nested 3 deep"));
}
