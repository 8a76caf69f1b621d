using System;
using Microsoft.CodeAnalysis;
using static CarbonGen.Generators.Tests.CompiledProgram;

namespace CarbonGen.Generators.Tests;

/// <summary>
/// Every call shape a developer writes: the program is compiled with the generator and run, and the
/// tests check the exact counts and that results, ref/out effects, struct mutations and exceptions
/// are what they would be without tracking.
/// </summary>
public class CallShapeTests
{
    [Fact]
    public void Struct_receivers_are_passed_by_reference_so_mutations_stay_visible()
    {
        var ns = UniqueNamespace();
        var program = Build($$"""
            using CarbonGen;
            namespace {{ns}};
            public struct Counter
            {
                public int Value;
                [Carbon] public void Increment() => Value++;
                [Carbon] public readonly int Peek() => Value;
            }
            public readonly struct Money(decimal amount)
            {
                public decimal Amount { get; } = amount;
                [Carbon] public Money Add(Money other) => new(Amount + other.Amount);
            }
            public class Holder
            {
                public Counter Field;
                public readonly Counter ReadOnlyField;
            }
            public static class Entry
            {
                public static Counter Make() => new Counter { Value = 40 };
                public static string Run()
                {
                    var c = new Counter();
                    c.Increment();
                    c.Increment();
                    var holder = new Holder();
                    holder.Field.Increment();
                    holder.ReadOnlyField.Peek();
                    var array = new Counter[1];
                    array[0].Increment();
                    var total = new Money(1.5m).Add(new Money(2m));
                    return $"{c.Value},{c.Peek()},{holder.Field.Value},{array[0].Value},{Make().Peek()},{total.Amount}";
                }
            }
            """);

        Assert.Equal("2,2,1,1,40,3.5", program.Call(ns + ".Entry", "Run"));
        Assert.Equal((4, 0), Counts(ns + ".Counter.Increment()"));
        Assert.Equal((3, 0), Counts(ns + ".Counter.Peek()"));
        Assert.Equal((1, 0), Counts(ns + ".Money.Add(" + ns + ".Money)"));
    }

    [Fact]
    public void Extension_methods_are_intercepted_called_either_way()
    {
        var ns = UniqueNamespace();
        var program = Build($$"""
            using CarbonGen;
            namespace {{ns}};
            public static class Text
            {
                [Carbon] public static string Twice(this string s) => s + s;
                [Carbon] public static void Bump(this ref int n, int by = 1) => n += by;
            }
            public static class Entry
            {
                public static string Run()
                {
                    var n = 1;
                    n.Bump();
                    n.Bump(by: 5);
                    Text.Bump(ref n);
                    return "ab".Twice() + Text.Twice("c") + n;
                }
            }
            """);

        Assert.Equal("ababcc8", program.Call(ns + ".Entry", "Run"));
        Assert.Equal((2, 0), Counts(ns + ".Text.Twice(string)"));
        Assert.Equal((3, 0), Counts(ns + ".Text.Bump(ref int, int)"));
    }

    [Fact]
    public void Interface_and_virtual_calls_keep_their_dispatch()
    {
        var ns = UniqueNamespace();
        var program = Build($$"""
            using CarbonGen;
            namespace {{ns}};
            public interface IShape { [Carbon] double Area(); }
            public abstract class Shape : IShape
            {
                public abstract double Area();
                [Carbon] public abstract string Name();
            }
            public sealed class Square(double side) : Shape
            {
                public override double Area() => side * side;
                public override string Name() => "square";
            }
            public sealed class Circle : IShape { public double Area() => 3; }
            public static class Entry
            {
                public static string Run()
                {
                    IShape a = new Square(2), b = new Circle();
                    Shape s = new Square(3);
                    return $"{a.Area()}+{b.Area()} {s.Name()}";
                }
            }
            """);

        Assert.Equal("4+3 square", program.Call(ns + ".Entry", "Run"));
        Assert.Equal((2, 0), Counts(ns + ".IShape.Area()"));
        Assert.Equal((1, 0), Counts(ns + ".Shape.Name()"));
    }

    [Fact]
    public void Generic_methods_and_methods_of_generic_types_are_intercepted_for_every_instantiation()
    {
        var ns = UniqueNamespace();
        var program = Build($$"""
            using System;
            using System.Collections.Generic;
            using CarbonGen;
            namespace {{ns}};
            public static class Generic
            {
                [Carbon] public static T Echo<T>(T value) => value;
                [Carbon] public static T Max<T>(T a, T b) where T : struct, IComparable<T> => a.CompareTo(b) >= 0 ? a : b;
                [Carbon] public static T Make<T>() where T : class, new() => new T();
                [Carbon] public static int Count<T>(IEnumerable<T>? items) where T : notnull { var n = 0; if (items is null) return -1; foreach (var _ in items) n++; return n; }
                public static string Open<U>(U u) => Echo(u)!.ToString()!;
            }
            public class Box<T>
            {
                public T? Value;
                [Carbon] public T? Get() => Value;
                public class Inner<U>
                {
                    [Carbon] public static string Pair<V>(T t, U u, V v) => $"{t}{u}{v}";
                }
            }
            public static class Entry
            {
                public static string Run()
                {
                    var anon = Generic.Echo(new { A = 1 });
                    var box = new Box<string> { Value = "x" };
                    return string.Join(",",
                        Generic.Echo(5), Generic.Echo<string>("s"), anon.A, Generic.Max(3, 9), Generic.Make<List<int>>().Count,
                        Generic.Count(new[] { 1, 2 }), Generic.Count<string>(null), Generic.Open(2.5), box.Get(), new Box<int>().Get(),
                        Box<int>.Inner<bool>.Pair(1, true, 'c'));
                }
            }
            """);

        Assert.Equal("5,s,1,9,0,2,-1,2.5,x,0,1Truec", program.Call(ns + ".Entry", "Run"));
        Assert.Equal((4, 0), Counts(ns + ".Generic.Echo<T>(T)"));
        Assert.Equal((1, 0), Counts(ns + ".Generic.Max<T>(T, T)"));
        Assert.Equal((1, 0), Counts(ns + ".Generic.Make<T>()"));
        Assert.Equal((2, 0), Counts(ns + ".Generic.Count<T>(System.Collections.Generic.IEnumerable<T>)"));
        Assert.Equal((2, 0), Counts(ns + ".Box<T>.Get()"));
        Assert.Equal((1, 0), Counts(ns + ".Box<T>.Inner<U>.Pair<V>(T, U, V)"));
    }

    [Fact]
    public void Ref_out_in_params_optional_named_arguments_and_ref_returns_behave_as_without_tracking()
    {
        var ns = UniqueNamespace();
        var program = Build($$"""
            using CarbonGen;
            namespace {{ns}};
            public static class Args
            {
                public static readonly int[] Slots = new int[3];
                [Carbon] public static ref int Slot(int i) => ref Slots[i];
                [Carbon] public static ref readonly int Peek(int i) => ref Slots[i];
                [Carbon] public static bool TryHalf(int value, out int half) { half = value / 2; return value % 2 == 0; }
                [Carbon] public static int Sum(in int a, ref readonly int b, params int[] rest) { var s = a + b; foreach (var r in rest) s += r; return s; }
                [Carbon] public static string Describe(string name, int age = 30, string city = "Lyon") => $"{name}/{age}/{city}";
            }
            public static class Entry
            {
                public static string Run()
                {
                    Args.Slot(1) = 7;
                    ref var slot = ref Args.Slot(2);
                    slot = 9;
                    var ok = Args.TryHalf(10, out var half);
                    int a = 1, b = 2;
                    var sum = Args.Sum(a, in b, 3, 4) + Args.Sum(in a, ref b);
                    return $"{Args.Slots[1]}{Args.Slots[2]}{Args.Peek(2)} {ok}{half} {sum} {Args.Describe(city: "Nice", name: "Ada")} {Args.Describe("Bo", 5)}";
                }
            }
            """);

        Assert.Equal("799 True5 13 Ada/30/Nice Bo/5/Lyon", program.Call(ns + ".Entry", "Run"));
        Assert.Equal((2, 0), Counts(ns + ".Args.Slot(int)"));
        Assert.Equal((1, 0), Counts(ns + ".Args.Peek(int)"));
        Assert.Equal((1, 0), Counts(ns + ".Args.TryHalf(int, out int)"));
        Assert.Equal((2, 0), Counts(ns + ".Args.Sum(in int, ref readonly int, params int[])"));
        Assert.Equal((2, 0), Counts(ns + ".Args.Describe(string, int, string)"));
    }

    [Fact]
    public void Conditional_calls_overloads_and_recursion_are_counted_exactly()
    {
        var ns = UniqueNamespace();
        var program = Build($$"""
            using CarbonGen;
            namespace {{ns}};
            public class Node
            {
                [Carbon] public int Work() => 1;
                [Carbon] public static int Fib(int n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2);
                [Carbon] public static string Show(int x) => "i" + x;
                [Carbon] public static string Show(string x) => "s" + x;
            }
            public static class Entry
            {
                public static string Run()
                {
                    Node? none = null;
                    Node? some = new Node();
                    var a = none?.Work();
                    var b = some?.Work();
                    return $"{a?.ToString() ?? "null"},{b},{Node.Fib(10)},{Node.Show(1)}{Node.Show("x")}";
                }
            }
            """);

        Assert.Equal("null,1,55,i1sx", program.Call(ns + ".Entry", "Run"));
        Assert.Equal((1, 0), Counts(ns + ".Node.Work()"));
        Assert.Equal((177, 0), Counts(ns + ".Node.Fib(int)"));
        Assert.Equal((1, 0), Counts(ns + ".Node.Show(int)"));
        Assert.Equal((1, 0), Counts(ns + ".Node.Show(string)"));

        // Every level's own time adds up to the outermost call's inclusive time: recursion is not counted twice.
        var fib = Row(ns + ".Node.Fib(int)")!;
        Assert.Equal(fib.DurationSeconds, fib.SelfDurationSeconds, 6);
    }

    [Fact]
    public void Calls_in_lambdas_local_functions_iterators_async_methods_static_constructors_and_field_initializers_are_intercepted()
    {
        var ns = UniqueNamespace();
        var program = Build($$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using CarbonGen;
            namespace {{ns}};
            public static class Work
            {
                [Carbon] public static int Tick() => 1;
            }
            public class Places
            {
                private readonly int _field = Work.Tick();
                public static readonly int StaticField;
                static Places() { StaticField = Work.Tick(); }
                public int Field => _field;
                public static IEnumerable<int> Sequence() { yield return Work.Tick(); yield return Work.Tick(); }
                public static async Task<int> LaterAsync() { await Task.Yield(); return Work.Tick(); }
            }
            public static class Entry
            {
                public static int Run()
                {
                    Func<int> lambda = () => Work.Tick();
                    int Local() => Work.Tick();
                    var total = lambda() + Local() + new Places().Field + Places.StaticField + Places.Sequence().Sum();
                    total += Places.LaterAsync().GetAwaiter().GetResult();
                    total += new[] { 1, 2, 3 }.Select(_ => Work.Tick()).Sum();
                    return total;
                }
            }
            """);

        Assert.Equal(1 + 1 + 1 + 1 + 2 + 1 + 3, program.Call(ns + ".Entry", "Run"));
        Assert.Equal((10, 0), Counts(ns + ".Work.Tick()"));
    }

    [Fact]
    public void Top_level_statements_are_intercepted()
    {
        var ns = UniqueNamespace();
        var program = Build($$"""
            using CarbonGen;
            {{ns}}.Work.Tick();
            {{ns}}.Work.Tick();
            namespace {{ns}}
            {
                public static class Work { [Carbon] public static int Tick() => 1; }
            }
            """, OutputKind.ConsoleApplication);

        program.RunEntryPoint();
        Assert.Equal((2, 0), Counts(ns + ".Work.Tick()"));
    }
}
