using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace CarbonGen.Analyzers.Tests;

/// <summary>
/// Precision before recall: ordinary code (formatting, small loops over arguments, LINQ over short
/// lists, loops over args, retries, parsing) gets no diagnostic from any rule, with CarbonGen
/// referenced and [Carbon] used where it belongs.
/// </summary>
public class PrecisionCorpusTests
{
    private const string Corpus = """
        using System;
        using System.Collections.Generic;
        using System.Globalization;
        using System.Linq;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using CarbonGen;

        namespace Ordinary;

        public sealed record Person(string Name, int Age);

        public static class Formatting
        {
            public static string Describe(Person person) => $"{person.Name} ({person.Age.ToString(CultureInfo.InvariantCulture)})";

            public static string Join(IEnumerable<string> parts, string separator)
            {
                var builder = new StringBuilder();
                foreach (var part in parts)
                {
                    if (builder.Length > 0)
                    {
                        builder.Append(separator);
                    }

                    builder.Append(part);
                }

                return builder.ToString();
            }

            public static string Table(IReadOnlyList<Person> people)
            {
                var lines = new List<string>();
                for (var i = 0; i < people.Count; i++)
                {
                    lines.Add(string.Format(CultureInfo.InvariantCulture, "{0,3} {1,-20} {2}", i + 1, people[i].Name, people[i].Age));
                }

                return string.Join(Environment.NewLine, lines);
            }
        }

        public static class Arguments
        {
            public static Dictionary<string, string> Parse(string[] args)
            {
                var options = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < args.Length - 1; i += 2)
                {
                    options[args[i].TrimStart('-')] = args[i + 1];
                }

                return options;
            }

            public static bool HasFlag(string[] args, string flag)
            {
                foreach (var arg in args)
                {
                    if (string.Equals(arg, flag, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                return false;
            }

            public static int Sum(params int[] values)
            {
                var sum = 0;
                foreach (var v in values) { sum += v; }
                return sum;
            }
        }

        public static class Queries
        {
            private static readonly List<Person> Team = [new("Ada", 36), new("Grace", 45), new("Linus", 28)];

            public static IEnumerable<string> Adults() => Team.Where(p => p.Age >= 18).OrderBy(p => p.Name).Select(p => p.Name);

            public static double AverageAge() => Team.Average(p => p.Age);

            public static ILookup<int, Person> ByDecade() => Team.ToLookup(p => p.Age / 10);

            public static int[] Squares() => Enumerable.Range(1, 10).Select(i => i * i).ToArray();
        }

        public static class Resilience
        {
            public static async Task<T> RetryAsync<T>(Func<Task<T>> action, int attempts = 3)
            {
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        return await action();
                    }
                    catch (InvalidOperationException) when (attempt < attempts)
                    {
                        await Task.Delay(100 * attempt);
                    }
                }
            }

            public static void WaitFor(Func<bool> condition)
            {
                while (!condition())
                {
                    Thread.Sleep(10);
                }
            }

            public static async Task ConsumeAsync(Queue<string> queue, CancellationToken cancellationToken)
            {
                while (true)
                {
                    await Task.Delay(50, cancellationToken);
                    if (queue.Count > 0) { Console.WriteLine(queue.Dequeue()); }
                }
            }
        }

        public sealed class Inventory
        {
            private readonly Dictionary<string, int> _stock = new(StringComparer.Ordinal);

            public int Count => _stock.Count;

            public void Add(string item, int quantity)
            {
                _stock[item] = _stock.TryGetValue(item, out var current) ? current + quantity : quantity;
            }

            public IEnumerable<string> LowStock(int threshold)
            {
                foreach (var pair in _stock)
                {
                    if (pair.Value < threshold) { yield return pair.Key; }
                }
            }

            public override string ToString()
            {
                var parts = new List<string>();
                foreach (var (item, quantity) in _stock) { parts.Add(item + "=" + quantity); }
                return string.Join(", ", parts);
            }
        }

        public static class Weekdays
        {
            public static string[] Names()
            {
                var names = new string[7];
                for (var i = 0; i < 7; i++) { names[i] = ((DayOfWeek)i).ToString(); }
                return names;
            }

            public static int CountMatrixCells()
            {
                var n = 0;
                for (var row = 0; row < 8; row++)
                {
                    for (var column = 0; column < 8; column++) { n++; }
                }

                return n;
            }
        }

        public static class CommandLine
        {
            // Nested loops of unknown, small size: the arguments, and the characters of each.
            public static int CountFlags(string[] args)
            {
                var flags = 0;
                foreach (var arg in args)
                {
                    foreach (var ch in arg)
                    {
                        if (ch == '-') { flags++; }
                    }
                }

                return flags;
            }

            public static int Options(string[] args)
            {
                var n = 0;
                for (var i = 0; i < args.Length; i++)
                    for (var j = i + 1; j < args.Length; j++)
                        if (args[i] == args[j]) { n++; }
                return n;
            }

            public static int Vowels(IReadOnlyList<string> words)
            {
                var n = 0;
                foreach (var word in words) foreach (var ch in word) if ("aeiou".IndexOf(ch) >= 0) { n++; }
                return n;
            }
        }

        public static class Batches
        {
            // Nested loops that wait: the time goes into awaiting, not into work.
            public static async Task<int> SendAll(IReadOnlyList<IReadOnlyList<string>> batches)
            {
                var sent = 0;
                foreach (var batch in batches)
                {
                    foreach (var message in batch)
                    {
                        await Task.Delay(1);
                        sent += message.Length;
                    }
                }

                return sent;
            }
        }

        public static class Work
        {
            [Carbon]
            public static long Checksum(byte[] data)
            {
                long sum = 0;
                foreach (var b in data) { sum = (sum * 31) + b; }
                return sum;
            }

            public static long Once(byte[] data) => Checksum(data);
        }
        """;

    [Fact]
    public async Task Ordinary_code_gets_no_diagnostic_from_any_rule()
    {
        var tree = CSharpSyntaxTree.ParseText(Corpus, new CSharpParseOptions(LanguageVersion.Latest), "/Corpus.cs");
        var compilation = CSharpCompilation.Create(
            "Corpus",
            [tree],
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        ImmutableArray<DiagnosticAnalyzer> analyzers =
        [
            new HotLoopAnalyzer(), new MisplacedCarbonAnalyzer(), new UninterceptedUseAnalyzer(), new TrivialTrackedMethodAnalyzer(),
        ];
        var diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        // The interception report is a count, not a finding: one call, intercepted.
        var report = Assert.Single(diagnostics, d => d.Id == Descriptors.InterceptionReportId);
        Assert.Equal("1 of 1 call sites to tracked methods intercepted (0 skipped)", report.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(diagnostics.Where(d => d.Id != Descriptors.InterceptionReportId).Select(d => d.ToString()));
    }
}
