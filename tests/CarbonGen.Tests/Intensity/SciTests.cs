using System;
using System.Linq;
using CarbonGen.Intensity;
using CarbonGen.Reporting;
using Xunit;

namespace CarbonGen.Tests.Intensity;

public class SciTests
{
    [Fact]
    public void The_sci_specification_example_gives_about_28_g_per_hour()
    {
        // SCI v1.1.0: a 1000 kg device with a 4-year life, reserved for one hour: "around 28 g".
        var embodied = new EmbodiedEmissions(1000, 4 * 365 * 24, "spec");
        Assert.Equal(28.54, embodied.ForDurationKg(3600) * 1000, 2);
    }

    [Fact]
    public void Defaults_apply_when_sci_is_on_without_figures_and_nothing_when_off()
    {
        Assert.Null(EmbodiedEmissions.From(new CarbonOptions()));
        var defaults = EmbodiedEmissions.From(new CarbonOptions { Sci = true })!;
        Assert.Equal(1000, defaults.TotalKg);
        Assert.Equal(35_040, defaults.LifetimeHours);
        Assert.Contains("CCF", defaults.Source);
        var configured = EmbodiedKg(new CarbonOptions { EmbodiedKgCo2e = 2000, LifetimeYears = 5 });
        Assert.Equal(2000, configured.TotalKg);
        Assert.Equal(5 * 365 * 24, configured.LifetimeHours);
    }

    [Fact]
    public void Each_method_carries_operational_plus_its_embodied_share_per_call()
    {
        var factors = EmissionFactors.WorldAverage with { Embodied = new EmbodiedEmissions(1000, 35_040, "test") };
        var report = ReportBuilder.Build(
            [new MethodSample("A", 10, 0, 50, 30), new MethodSample("B", 4, 0, 20, 20)],
            new ProcessSample(100, 90, 0),
            "sci",
            Guid.Empty,
            DateTime.Now,
            factors);

        var m = 1000.0 * (100.0 / 3600) / 35_040;
        Assert.Equal(m, report.EmbodiedEmissionsKg!.Value, 15);
        Assert.Equal(m, report.Sci.Sum(s => s.EmbodiedKg), 15);
        var a = report.Sci.Single(s => s.Method == "A");
        var rowA = report.Methods.Single(r => r.Method == "A");
        Assert.Equal(m * rowA.EnergyKwh / report.EnergyKwh, a.EmbodiedKg, 15);
        Assert.Equal((rowA.EmissionsKg + a.EmbodiedKg) / 10, a.PerCallKg, 15);
        Assert.True(a.PerCallKg > rowA.EmissionsPerCallKg);
    }

    [Fact]
    public void Without_embodied_settings_the_report_has_no_sci()
    {
        var report = ReportBuilder.Build([new MethodSample("A", 1, 0, 1, 1)], new ProcessSample(1, 1, 0), "sci", Guid.Empty, DateTime.Now);
        Assert.Null(report.EmbodiedEmissionsKg);
        Assert.Empty(report.Sci);
    }

    private static EmbodiedEmissions EmbodiedKg(CarbonOptions options) => EmbodiedEmissions.From(options) ?? throw new InvalidOperationException();
}
