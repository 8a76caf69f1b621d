using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace CarbonGen.Analyzers.Tests;

/// <summary>CARBON002: [Carbon] where the compiler accepts it but no call can be intercepted, or the measurement would be wrong.</summary>
public class MisplacedCarbonTests
{
    private const string MoveToMethod = "move the work into a method of the type, mark that method and call it from here";

    private static DiagnosticResult Misplaced(int location, string what, string why, string fix) =>
        Verify.Diagnostic(Descriptors.MisplacedCarbon, location).WithArguments(what, why, fix);

    private static Task Run(string source, params DiagnosticResult[] expected) => Verify.Run<MisplacedCarbonAnalyzer>(source, expected);

    [Fact]
    public Task Local_functions_and_lambdas_are_reported() => Run("""
        using System;
        using CarbonGen;

        public static class Holder
        {
            public static int Run()
            {
                Func<int, int> twice = [{|#1:Carbon|}] (int x) => x * 2;
                return Local(3) + twice(4);

                [{|#0:Carbon|}]
                static int Local(int x) => x + 1;
            }
        }
        """,
        Misplaced(0, "local function 'Local'", "calls to local functions cannot be intercepted", MoveToMethod),
        Misplaced(1, "a lambda", "a lambda runs through a delegate, which cannot be intercepted", "move the work into a method, mark that method and call it from the lambda"));

    [Fact]
    public Task Accessors_operators_and_finalizers_are_reported() => Run("""
        using CarbonGen;

        public class Money
        {
            private readonly decimal[] _parts = new decimal[4];

            public decimal Total { [{|#0:Carbon|}] get => _parts[0] + _parts[1]; }

            public decimal this[int i] { [{|#1:Carbon|}] get => _parts[i]; [{|#2:Carbon|}] set => _parts[i] = value; }

            [{|#3:Carbon|}]
            public static Money operator +(Money a, Money b) => a;

            [{|#4:Carbon|}]
            public static explicit operator decimal(Money m) => m.Total;

            [{|#5:Carbon|}]
            ~Money() { }
        }
        """,
        Misplaced(0, "accessor 'get'", "accessors are not called as methods, so they cannot be intercepted", MoveToMethod),
        Misplaced(1, "accessor 'get'", "accessors are not called as methods, so they cannot be intercepted", MoveToMethod),
        Misplaced(2, "accessor 'set'", "accessors are not called as methods, so they cannot be intercepted", MoveToMethod),
        Misplaced(3, "an operator", "operators are not called as methods, so they cannot be intercepted", MoveToMethod),
        Misplaced(4, "an operator", "operators are not called as methods, so they cannot be intercepted", MoveToMethod),
        Misplaced(5, "a finalizer", "the runtime calls finalizers, no call site can be intercepted", "remove [Carbon]"));

    [Fact]
    public Task Explicit_interface_implementations_partial_methods_without_body_and_async_void_are_reported() => Run("""
        using System.Threading.Tasks;
        using CarbonGen;

        public interface IJob { void Run(); }

        public partial class Job : IJob
        {
            [{|#0:Carbon|}]
            void IJob.Run() { }

            [{|#1:Carbon|}]
            partial void OnDone();

            [{|#2:Carbon|}]
            public async void Fire() => await Task.Yield();
        }
        """,
        Misplaced(0, "explicit interface implementation 'Run'", "calls bind to the interface member, never to this implementation", MoveToMethod),
        Misplaced(1, "partial method 'OnDone'", "it has no implementation, so the compiler removes every call to it", "implement the method or remove [Carbon]"),
        Misplaced(2, "async void method 'Fire'", "calls to it are never intercepted, because callers cannot await it", "return Task instead"));

    [Fact]
    public Task Marks_that_work_are_not_reported() => Run("""
        using System;
        using System.Runtime.InteropServices;
        using System.Threading.Tasks;
        using CarbonGen;

        public abstract partial class Works
        {
            // Calls to abstract and extern methods are intercepted like any other: no body is needed at the call site.
            [Carbon] public abstract int Abstract();
            [Carbon] [DllImport("libc")] public static extern int getpid();
            [Carbon] internal partial void Implemented();
            internal partial void Implemented() { }
            [Carbon] protected internal int ProtectedInternal() => 1;
            [Carbon] public partial int Extended();
            public partial int Extended() => 1;
            [Carbon] public async Task FireAsync() => await Task.Yield();
            [Carbon] public int Ordinary() => Environment.ProcessorCount;

            public static int Run()
            {
                return Local();

                [Carbon(Track = false)]
                static int Local() => 1;
            }
        }
        """);

    [Fact]
    public Task Marks_on_private_and_protected_methods_are_reported() => Run("""
        using CarbonGen;

        public class Secretive
        {
            [{|#0:Carbon|}] private int Hidden() => 1;
            [{|#1:Carbon|}] protected int Shielded() => 2;
            [{|#2:Carbon|}] private protected int Both() => 3;
            [{|#3:Carbon|}] int Implicit() => 4;
            [Carbon(Track = false)] private int OptedOut() => 5;

            private class Inner
            {
                [{|#4:Carbon|}] public int Reached() => 6;
            }
        }

        [Carbon]
        public class WholeType
        {
            // A type mark does not cover private methods, and says nothing about them.
            private int Helper() => 7;
        }
        """,
        Misplaced(0, "private method 'Hidden'", "generated code cannot call a private or protected method", "make it internal or public"),
        Misplaced(1, "protected method 'Shielded'", "generated code cannot call a private or protected method", "make it internal or public"),
        Misplaced(2, "private protected method 'Both'", "generated code cannot call a private or protected method", "make it internal or public"),
        Misplaced(3, "private method 'Implicit'", "generated code cannot call a private or protected method", "make it internal or public"),
        Misplaced(4, "method 'Reached'", "generated code cannot call it, because its type 'Inner' is private or protected", "make the type internal or public"));
}
