using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CarbonGen.Analyzers.Tests;

/// <summary>Every rule's help link lands on its own section of the README.</summary>
public class HelpLinkTests
{
    [Fact]
    public void Every_help_link_anchor_exists_in_the_README_before_its_rules_heading()
    {
        var readme = File.ReadAllText(FindReadme()).Replace("\r\n", "\n", StringComparison.Ordinal);
        var descriptors = typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();
        Assert.Equal(5, descriptors.Count);

        foreach (var descriptor in descriptors)
        {
            var anchor = new Uri(descriptor.HelpLinkUri).Fragment.TrimStart('#');
            Assert.Equal(descriptor.Id.ToLowerInvariant(), anchor);
            var expected = $"<a id=\"{anchor}\"></a>\n### {descriptor.Id}:";
            Assert.True(readme.Contains(expected, StringComparison.Ordinal), $"README.md lacks '{expected}' for {descriptor.Id}");
        }
    }

    [Fact]
    public void The_READMEs_interception_report_example_cites_only_reasons_the_rules_produce()
    {
        var readme = File.ReadAllText(FindReadme());
        var section = readme[readme.IndexOf("### CARBON005", StringComparison.Ordinal)..];
        var example = System.Text.RegularExpressions.Regex.Match(section, @"`\d+ of \d+ call sites to tracked methods intercepted \(\d+ skipped: (?<reasons>[^)]*)\)`");
        Assert.True(example.Success, "README's CARBON005 section has no example report");

        var known = typeof(CarbonGen.Generators.Interceptability).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Append(UninterceptedUseAnalyzer.ImplicitCallReason)
            .ToHashSet();
        foreach (var part in example.Groups["reasons"].Value.Split(", "))
        {
            var reason = part[(part.IndexOf(' ', StringComparison.Ordinal) + 1)..];
            Assert.True(known.Contains(reason), $"'{reason}' is not a reason the rules produce");
        }
    }

    private static string FindReadme()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "README.md");
            if (File.Exists(candidate) && File.Exists(Path.Combine(directory.FullName, "CarbonGen.sln")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("README.md not found above " + AppContext.BaseDirectory);
    }
}
