using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace CarbonGen.Analyzers.Tests;

/// <summary>CARBON004: [Carbon] on a method that does less work than the measurement.</summary>
public class TrivialTrackedMethodTests
{
    private static DiagnosticResult Trivial(int location, string method) =>
        Verify.Diagnostic(Descriptors.TrivialTrackedMethod, location).WithArguments(method);

    private static Task Run(string source, params DiagnosticResult[] expected) => Verify.Run<TrivialTrackedMethodAnalyzer>(source, expected);

    [Fact]
    public Task Getter_like_and_arithmetic_methods_are_reported() => Run("""
        using System.Collections.Generic;
        using CarbonGen;

        public sealed class Counter
        {
            private readonly List<int> _items = new();
            private int _count;

            public int Size { get; set; }

            [{|#0:Carbon|}]
            public int Twice(int x) => x * 2;

            [{|#1:Carbon|}]
            public int Count() => _items.Count;

            [{|#2:Carbon|}]
            public int Next()
            {
                _count++;
                return _count;
            }

            [{|#3:Carbon|}]
            public bool IsBig() => Size > 10 ? true : _count > 3;
        }
        """,
        Trivial(0, "Counter.Twice(int)"),
        Trivial(1, "Counter.Count()"),
        Trivial(2, "Counter.Next()"),
        Trivial(3, "Counter.IsBig()"));

    [Fact]
    public Task Methods_that_call_loop_allocate_or_may_be_overridden_are_not_reported() => Run("""
        using System;
        using System.Threading.Tasks;
        using CarbonGen;

        public class Work
        {
            private int _x;
            private readonly Lazy<int> _lazy = new(() => 1);

            [Carbon] public int Calls() => Math.Abs(_x);
            [Carbon] public int Loops() { var n = 0; for (var i = 0; i < _x; i++) { n += i; } return n; }
            [Carbon] public int[] Allocates() => new int[_x];
            [Carbon] public string Concatenates(string a) => a + _x;
            [Carbon] public string Interpolates() => $"{_x}";
            [Carbon] public int Lazy() => _lazy.Value;
            [Carbon] public virtual int Virtual() => _x;
            [Carbon] public async Task<int> Awaits() { await Task.Yield(); return _x; }
            [Carbon] public void Throws() => throw new InvalidOperationException();
            [Carbon(Track = false)] public int OptedOut() => _x;
            [Carbon] public int Longer() { _x++; _x++; _x++; return _x; }
        }

        [Carbon]
        public class MarkedType
        {
            public int Trivial() => 1;
        }
        """);
}
