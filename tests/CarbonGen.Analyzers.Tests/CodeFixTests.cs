using System.Threading;
using System.Threading.Tasks;
using CarbonGen.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace CarbonGen.Analyzers.Tests;

/// <summary>The code fixes: one diagnostic at a time, and fix-all in document, project and solution.</summary>
public class CodeFixTests
{
    private static DiagnosticResult Hot(int location) => Verify.Diagnostic(Descriptors.HotLoop, location);

    [Fact]
    public Task Track_method_adds_the_attribute_and_the_using_keeping_comments_and_attributes() =>
        new CodeFixTest<HotLoopAnalyzer, TrackCodeFixProvider>("""
            // Header comment stays first.
            using System;
            using System.Diagnostics;

            namespace Shop;

            public static class Grid
            {
                /// <summary>Sums every cell.</summary>
                [Conditional("NEVER")]
                [Obsolete("old")]
                public static void Sum(int[][] rows)
                {
                    {|#0:foreach|} (var row in rows) { foreach (var x in row) { Console.Write(x); } }
                }

                // Plain comment.
                public static int Count(int[][] rows)
                {
                    var n = 0;
                    {|#1:foreach|} (var row in rows) { foreach (var x in row) { n += x; } }
                    return n;
                }
            }
            """,
            """
            // Header comment stays first.
            using System;
            using System.Diagnostics;
            using CarbonGen;

            namespace Shop;

            public static class Grid
            {
                /// <summary>Sums every cell.</summary>
                [Conditional("NEVER")]
                [Obsolete("old")]
                [Carbon]
                public static void Sum(int[][] rows)
                {
                    foreach (var row in rows) { foreach (var x in row) { Console.Write(x); } }
                }

                // Plain comment.
                [Carbon]
                public static int Count(int[][] rows)
                {
                    var n = 0;
                    foreach (var row in rows) { foreach (var x in row) { n += x; } }
                    return n;
                }
            }
            """,
            TrackCodeFixProvider.TrackMethodKey,
            Hot(0).WithArguments("Grid.Sum(int[][])", "has loops nested 2 deep"),
            Hot(1).WithArguments("Grid.Count(int[][])", "has loops nested 2 deep"))
        .RunAsync(CancellationToken.None);

    [Fact]
    public Task Track_method_puts_the_using_first_when_it_sorts_first_and_adds_none_when_present() =>
        new CodeFixTest<HotLoopAnalyzer, TrackCodeFixProvider>("""
            using Zeta.Other;

            namespace Zeta.Other { public static class Marker { } }

            public static class Loops
            {
                public static int Two() { var n = 0; {|#0:for|} (var i = 0; i < 5000; i++) { n += i; } {|#1:for|} (var i = 0; i < 5000; i++) { n -= i; } return n; }
            }
            """,
            """
            using CarbonGen;
            using Zeta.Other;

            namespace Zeta.Other { public static class Marker { } }

            public static class Loops
            {
                [Carbon]
                public static int Two() { var n = 0; for (var i = 0; i < 5000; i++) { n += i; } for (var i = 0; i < 5000; i++) { n -= i; } return n; }
            }
            """,
            TrackCodeFixProvider.TrackMethodKey,
            Hot(0).WithArguments("Loops.Two()", "has a loop that runs 5,000 times"),
            Hot(1).WithArguments("Loops.Two()", "has a loop that runs 5,000 times"))
        .RunAsync(CancellationToken.None);

    [Fact]
    public Task Track_type_marks_the_containing_type_once() =>
        new CodeFixTest<HotLoopAnalyzer, TrackCodeFixProvider>("""
            using CarbonGen;

            namespace Shop
            {
                [System.Serializable]
                public sealed class Engine
                {
                    public int A() { var n = 0; {|#0:for|} (var i = 0; i < 5000; i++) { n += i; } return n; }

                    [Carbon(Track = false)]
                    public int Skipped() { var n = 0; for (var i = 0; i < 5000; i++) { n += i; } return n; }

                    public int B() { var n = 0; {|#1:for|} (var i = 0; i < 5000; i++) { n += i; } return n; }
                }
            }
            """,
            """
            using CarbonGen;

            namespace Shop
            {
                [System.Serializable]
                [Carbon]
                public sealed class Engine
                {
                    public int A() { var n = 0; for (var i = 0; i < 5000; i++) { n += i; } return n; }

                    [Carbon(Track = false)]
                    public int Skipped() { var n = 0; for (var i = 0; i < 5000; i++) { n += i; } return n; }

                    public int B() { var n = 0; for (var i = 0; i < 5000; i++) { n += i; } return n; }
                }
            }
            """,
            TrackCodeFixProvider.TrackTypeKey,
            Hot(0).WithArguments("Engine.A()", "has a loop that runs 5,000 times"),
            Hot(1).WithArguments("Engine.B()", "has a loop that runs 5,000 times"))
        .RunAsync(CancellationToken.None);

    private const string FirstFile = """
        namespace App;

        public static class First
        {
            public static int A() { var n = 0; {|#0:for|} (var i = 0; i < 5000; i++) { n += i; } return n; }

            public static int B() { var n = 0; {|#1:while|} (true) { n = Next(n); if (n < 0) { break; } } return n; }

            private static int Next(int n) => n + 1;
        }
        """;

    private const string FirstFixed = """
        using CarbonGen;

        namespace App;

        public static class First
        {
            [Carbon]
            public static int A() { var n = 0; for (var i = 0; i < 5000; i++) { n += i; } return n; }

            [Carbon]
            public static int B() { var n = 0; while (true) { n = Next(n); if (n < 0) { break; } } return n; }

            private static int Next(int n) => n + 1;
        }
        """;

    private const string SecondFile = """
        using System.Threading.Tasks;

        namespace App;

        public static class Second
        {
            public static void C(int[] items) => {|#2:Parallel.ForEach|}(items, i => { });
        }
        """;

    private const string SecondFixed = """
        using System.Threading.Tasks;
        using CarbonGen;

        namespace App;

        public static class Second
        {
            [Carbon]
            public static void C(int[] items) => Parallel.ForEach(items, i => { });
        }
        """;

    [Fact]
    public Task A_private_method_is_offered_only_the_types_mark()
    {
        // A [Carbon] on a private method could never take effect: the only fix offered (index 0) marks the type,
        // which tracks the public method that calls it.
        var test = new CodeFixTest<HotLoopAnalyzer, TrackCodeFixProvider>("""
            public sealed class Engine
            {
                public int Run() => Spin();

                private int Spin() { var n = 0; {|#0:for|} (var i = 0; i < 5000; i++) { n += i; } return n; }
            }
            """,
            """
            using CarbonGen;

            [Carbon]
            public sealed class Engine
            {
                public int Run() => Spin();

                private int Spin() { var n = 0; for (var i = 0; i < 5000; i++) { n += i; } return n; }
            }
            """,
            TrackCodeFixProvider.TrackTypeKey,
            Hot(0).WithArguments("Engine.Spin()", "has a loop that runs 5,000 times"));
        test.CodeActionIndex = 0;
        return test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData(CodeFixTestBehaviors.SkipFixAllInProjectCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck)]
    [InlineData(CodeFixTestBehaviors.SkipFixAllInDocumentCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck)]
    [InlineData(CodeFixTestBehaviors.SkipFixAllInDocumentCheck | CodeFixTestBehaviors.SkipFixAllInProjectCheck)]
    public Task Track_type_marks_one_part_of_a_partial_type_declared_in_two_documents(CodeFixTestBehaviors skip)
    {
        // Both parts hold a hot method; fix-all must add one [Carbon] (on the first part), not one per part (CS0579).
        var firstFixed = """
            using CarbonGen;

            namespace Shop;

            [Carbon]
            public partial class Engine
            {
                public int A() { var n = 0; for (var i = 0; i < 5000; i++) { n += i; } return n; }
            }
            """;
        var test = new CodeFixTest<HotLoopAnalyzer, TrackCodeFixProvider>("""
            namespace Shop;

            public partial class Engine
            {
                public int A() { var n = 0; {|#0:for|} (var i = 0; i < 5000; i++) { n += i; } return n; }
            }
            """,
            firstFixed,
            TrackCodeFixProvider.TrackTypeKey,
            Hot(0).WithArguments("Engine.A()", "has a loop that runs 5,000 times"),
            Hot(1).WithArguments("Engine.B()", "has a loop that runs 5,000 times"));
        var second = """
            namespace Shop;

            public partial class Engine
            {
                public int B() { var n = 0; {|#1:for|} (var i = 0; i < 5000; i++) { n += i; } return n; }
            }
            """;
        var secondFixed = """
            namespace Shop;

            public partial class Engine
            {
                public int B() { var n = 0; for (var i = 0; i < 5000; i++) { n += i; } return n; }
            }
            """;
        test.TestState.Sources.Add(("/0/Test1.cs", second));
        test.FixedState.Sources.Add(("/0/Test1.cs", secondFixed));
        test.BatchFixedState.Sources.Add(("/0/Test0.cs", firstFixed));
        test.BatchFixedState.Sources.Add(("/0/Test1.cs", secondFixed));
        test.CodeFixTestBehaviors |= skip;
        return test.RunAsync(CancellationToken.None);
    }

    private static CodeFixTest<HotLoopAnalyzer, TrackCodeFixProvider> FixAllTest(CodeFixTestBehaviors skip)
    {
        var test = new CodeFixTest<HotLoopAnalyzer, TrackCodeFixProvider>(
            FirstFile,
            FirstFixed,
            TrackCodeFixProvider.TrackMethodKey,
            Hot(0).WithArguments("First.A()", "has a loop that runs 5,000 times"),
            Hot(1).WithArguments("First.B()", "has an unbounded loop that does work"),
            Hot(2).WithArguments("Second.C(int[])", "runs Parallel.ForEach"));
        test.TestState.Sources.Add(("/0/Test1.cs", SecondFile));
        test.FixedState.Sources.Add(("/0/Test1.cs", SecondFixed));
        test.BatchFixedState.Sources.Add(("/0/Test0.cs", FirstFixed));
        test.BatchFixedState.Sources.Add(("/0/Test1.cs", SecondFixed));
        test.CodeFixTestBehaviors |= skip;
        return test;
    }

    [Fact]
    public Task Fix_all_in_document() =>
        FixAllTest(CodeFixTestBehaviors.SkipFixAllInProjectCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck).RunAsync(CancellationToken.None);

    [Fact]
    public Task Fix_all_in_project() =>
        FixAllTest(CodeFixTestBehaviors.SkipFixAllInDocumentCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck).RunAsync(CancellationToken.None);

    [Fact]
    public async Task Fix_all_in_solution_reaches_other_projects()
    {
        var test = FixAllTest(CodeFixTestBehaviors.SkipFixAllInDocumentCheck | CodeFixTestBehaviors.SkipFixAllInProjectCheck);
        var other = new ProjectState("Other", Microsoft.CodeAnalysis.LanguageNames.CSharp, "/Other/Test", "cs");
        test.TestState.AdditionalProjects.Add("Other", other);
        other.Sources.Add(("/Other/Third.cs", """
            namespace Other;

            public static class Third
            {
                public static long D() { long n = 0; {|#3:for|} (var i = 0L; i < 100_000L; i++) { n += i; } return n; }
            }
            """));
        other.AdditionalReferences.AddRange(TestReferences.All);
        var otherFixed = """
            using CarbonGen;

            namespace Other;

            public static class Third
            {
                [Carbon]
                public static long D() { long n = 0; for (var i = 0L; i < 100_000L; i++) { n += i; } return n; }
            }
            """;
        var fixedOther = new ProjectState("Other", Microsoft.CodeAnalysis.LanguageNames.CSharp, "/Other/Test", "cs");
        fixedOther.Sources.Add(("/Other/Third.cs", otherFixed));
        fixedOther.AdditionalReferences.AddRange(TestReferences.All);
        test.FixedState.AdditionalProjects.Add("Other", fixedOther);
        var batchOther = new ProjectState("Other", Microsoft.CodeAnalysis.LanguageNames.CSharp, "/Other/Test", "cs");
        batchOther.Sources.Add(("/Other/Third.cs", otherFixed));
        batchOther.AdditionalReferences.AddRange(TestReferences.All);
        test.BatchFixedState.AdditionalProjects.Add("Other", batchOther);
        test.ExpectedDiagnostics.Add(Hot(3).WithArguments("Third.D()", "has a loop that runs 100,000 times"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Remove_carbon_drops_the_list_or_just_the_attribute_and_keeps_comments() =>
        new CodeFixTest<TrivialTrackedMethodAnalyzer, RemoveCarbonCodeFixProvider>("""
            using System.Diagnostics.CodeAnalysis;
            using CarbonGen;

            public sealed class Small
            {
                private int _x;

                /// <summary>Twice.</summary>
                [{|#0:Carbon|}]
                public int Twice(int x) => x * 2;

                [{|#1:Carbon|}, SuppressMessage("a", "b")]
                public int Get() => _x;

                [{|#2:Carbon|}] public int Inline() => _x + 1;
            }
            """,
            """
            using System.Diagnostics.CodeAnalysis;
            using CarbonGen;

            public sealed class Small
            {
                private int _x;

                /// <summary>Twice.</summary>
                public int Twice(int x) => x * 2;

                [SuppressMessage("a", "b")]
                public int Get() => _x;

                public int Inline() => _x + 1;
            }
            """,
            RemoveCarbonCodeFixProvider.Key,
            Verify.Diagnostic(Descriptors.TrivialTrackedMethod, 0).WithArguments("Small.Twice(int)"),
            Verify.Diagnostic(Descriptors.TrivialTrackedMethod, 1).WithArguments("Small.Get()"),
            Verify.Diagnostic(Descriptors.TrivialTrackedMethod, 2).WithArguments("Small.Inline()"))
        .RunAsync(CancellationToken.None);

    [Fact]
    public Task Remove_carbon_fixes_misplaced_marks() =>
        new CodeFixTest<MisplacedCarbonAnalyzer, RemoveCarbonCodeFixProvider>("""
            using CarbonGen;

            public static class Holder
            {
                public static int Run()
                {
                    return Local(1);

                    [{|#0:Carbon|}]
                    static int Local(int x) => x + 1;
                }
            }
            """,
            """
            using CarbonGen;

            public static class Holder
            {
                public static int Run()
                {
                    return Local(1);

                    static int Local(int x) => x + 1;
                }
            }
            """,
            RemoveCarbonCodeFixProvider.Key,
            Verify.Diagnostic(Descriptors.MisplacedCarbon, 0).WithArguments(
                "local function 'Local'", "calls to local functions cannot be intercepted", "move the work into a method of the type, mark that method and call it from here"))
        .RunAsync(CancellationToken.None);

    [Fact]
    public Task Return_task_fixes_async_void_and_adds_the_using() =>
        new CodeFixTest<MisplacedCarbonAnalyzer, ReturnTaskCodeFixProvider>("""
            using CarbonGen;

            public class Jobs
            {
                [{|#0:Carbon|}]
                public async void Fire() => await System.Threading.Tasks.Task.Yield();
            }
            """,
            """
            using System.Threading.Tasks;
            using CarbonGen;

            public class Jobs
            {
                [Carbon]
                public async Task Fire() => await System.Threading.Tasks.Task.Yield();
            }
            """,
            ReturnTaskCodeFixProvider.Key,
            Verify.Diagnostic(Descriptors.MisplacedCarbon, 0).WithArguments(
                "async void method 'Fire'", "calls to it are never intercepted, because callers cannot await it", "return Task instead"))
        .RunAsync(CancellationToken.None);
}
