using System;
using System.Linq;
using CarbonGen.Intensity;
using CarbonGen.Reporting;
using Xunit;

namespace CarbonGen.Tests.Intensity;

public class LowCarbonAdviceTests
{
    [Theory]
    [InlineData("aws")]
    [InlineData("azure")]
    [InlineData("gcp")]
    public void Regions_are_ranked_cleanest_first_without_aliases(string provider)
    {
        var ranked = LowCarbonAdvice.RankRegions(provider);
        Assert.NotEmpty(ranked);
        for (var i = 1; i < ranked.Count; i++)
        {
            Assert.True(ranked[i - 1].GramsPerKwh * ranked[i - 1].Pue <= ranked[i].GramsPerKwh * ranked[i].Pue);
        }

        Assert.DoesNotContain(ranked, r => r.Region.EndsWith("stage", StringComparison.OrdinalIgnoreCase) || r.Region.EndsWith("euap", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void An_unknown_provider_is_refused_with_the_valid_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => LowCarbonAdvice.RankRegions("oracle"));
        Assert.Contains("'aws', 'azure' or 'gcp'", e.Message);
    }

    [Fact]
    public void A_run_is_priced_in_each_region_from_its_it_energy()
    {
        var usEast = Locations.FindCloudRegion("aws", "us-east-1")!;
        var report = Report(itKwh: 0.02, usEast);

        var advice = LowCarbonAdvice.ForRun(report, "aws");
        var same = advice.Single(a => a.Region.Region == "us-east-1");
        Assert.Equal(report.EmissionsKg, same.EmissionsKg, 12);
        Assert.Equal(0, same.ChangePercent!.Value, 9);

        var north = advice.Single(a => a.Region.Region == "eu-north-1");
        Assert.Equal(0.02 * north.Region.Pue * north.Region.GramsPerKwh / 1000, north.EmissionsKg, 12);
        Assert.True(north.ChangePercent < -90);
        Assert.Equal(advice.First(), advice.MinBy(a => a.EmissionsKg));
    }

    [Fact]
    public void The_description_reads_like_the_issue_example()
    {
        var report = Report(itKwh: 0.02, Locations.FindCloudRegion("aws", "us-east-1")!);
        var text = LowCarbonAdvice.Describe(report, "aws", count: 1);
        var cleanest = LowCarbonAdvice.ForRun(report, "aws")[0];
        var expectedChange = Math.Round(100 * (cleanest.EmissionsKg - report.EmissionsKg) / report.EmissionsKg);
        Assert.Equal(
            FormattableString.Invariant($"this run: {report.EmissionsKg * 1000:0.#} g in us-east-1; {cleanest.EmissionsKg * 1000:0.#} g in {cleanest.Region.Region} ({expectedChange:0}%)"),
            text);
    }

    private static CarbonReport Report(double itKwh, CloudRegion region)
    {
        // 1 kWh of CPU time = 3.6 MJ at 4 W: CpuSeconds = kWh × 3.6e6 / 4; no RAM.
        var factors = new EmissionFactors(
            new IntensityReading(region.GramsPerKwh, "cloud-region", region.Region),
            region.Pue,
            0,
            new GridLocation(Locations.FindCountry(region.CountryAlpha3), null, region),
            string.Empty,
            null);
        return ReportBuilder.Build([], new ProcessSample(3600, itKwh * 3.6e6 / 4, 0), "advice", Guid.Empty, DateTime.Now, factors);
    }
}
