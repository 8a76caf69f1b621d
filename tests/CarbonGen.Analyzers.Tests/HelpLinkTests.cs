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
