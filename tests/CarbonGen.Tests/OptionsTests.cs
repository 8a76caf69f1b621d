using System;
using System.Collections.Generic;
using Xunit;

namespace CarbonGen.Tests;

[Collection(nameof(EnvironmentCollection))]
public class OptionsTests
{
    [Fact]
    public void Environment_values_are_read()
    {
        using var _ = new EnvironmentScope(("CARBONGEN_PROJECT_NAME", "billing"), ("CARBONGEN_OUTPUT_DIR", "/tmp/out"), ("CARBONGEN_SUMMARY", "off"), ("CARBONGEN_CSV", "yes"));
        var options = CarbonOptions.FromEnvironment(warning => Assert.Fail(warning));
        Assert.Equal("billing", options.ProjectName);
        Assert.Equal("/tmp/out", options.OutputDirectory);
        Assert.False(options.PrintSummary);
        Assert.True(options.WriteCsv);
    }

    [Fact]
    public void A_bad_boolean_names_the_variable_and_value_and_keeps_the_default()
    {
        using var _ = new EnvironmentScope(("CARBONGEN_SUMMARY", "maybe"), ("CARBONGEN_CSV", null));
        var warnings = new List<string>();
        var options = CarbonOptions.FromEnvironment(warnings.Add);

        Assert.True(options.PrintSummary);
        var warning = Assert.Single(warnings);
        Assert.Contains("CARBONGEN_SUMMARY='maybe'", warning);
        Assert.Contains("true or false", warning);
    }

    [Fact]
    public void Unset_values_take_the_defaults()
    {
        using var _ = new EnvironmentScope(("CARBONGEN_PROJECT_NAME", null), ("CARBONGEN_OUTPUT_DIR", " "), ("CARBONGEN_SUMMARY", null), ("CARBONGEN_CSV", null));
        var options = CarbonOptions.FromEnvironment(warning => Assert.Fail(warning));
        Assert.Equal(Environment.CurrentDirectory, options.OutputDirectory);
        Assert.True(options.PrintSummary);
        Assert.True(options.WriteCsv);
        Assert.False(string.IsNullOrEmpty(options.ProjectName));
    }
}

[CollectionDefinition(nameof(EnvironmentCollection), DisableParallelization = true)]
public sealed class EnvironmentCollection;

/// <summary>Sets environment variables for one test and restores them afterwards.</summary>
internal sealed class EnvironmentScope : IDisposable
{
    private readonly List<(string Name, string? Value)> _saved = [];

    public EnvironmentScope(params (string Name, string? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            _saved.Add((name, Environment.GetEnvironmentVariable(name)));
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
