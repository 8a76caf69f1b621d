using System.Linq;
using CarbonGen.Intensity;
using CarbonGen.Reporting;
using Xunit;

namespace CarbonGen.Tests.Intensity;

/// <summary>Constants in code agree with the cited tables they come from.</summary>
public class EmbeddedDefaultsTests
{
    [Fact]
    public void Embodied_defaults_match_the_sci_table()
    {
        var table = EmbeddedTable.Read("sci/embodied_defaults.csv").ToDictionary(r => r["name"], r => EmbeddedTable.Number(r, "value"));
        Assert.Equal(EmbodiedEmissions.DefaultTotalKg, table["ccf_base_rack_server_manufacturing"]);
        Assert.Equal(EmbodiedEmissions.DefaultLifetimeHours, table["ccf_server_expected_lifespan_hours"]);
    }

    [Fact]
    public void Equivalents_carry_value_unit_and_status()
    {
        var car = Equivalents.All["eea_avg_new_passenger_car_2022"];
        Assert.Equal(108.1, car.Value);
        Assert.True(car.Confirmed);
        Assert.Contains("g CO2 per km", car.Unit);
        Assert.False(Equivalents.All["epa_equiv_smartphone_charged"].Confirmed);
        Assert.Equal(100 / 108.1, Equivalents.CarKilometres(0.1), 9); // 0.1 kg = 100 g
        Assert.All(Equivalents.All.Values, e => Assert.True(e.Value > 0, e.Name));
    }
}
