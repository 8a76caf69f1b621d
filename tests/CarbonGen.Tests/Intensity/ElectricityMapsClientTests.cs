using System;
using CarbonGen.Intensity;
using Xunit;

namespace CarbonGen.Tests.Intensity;

public class ElectricityMapsClientTests
{
    private const string Token = "secret-token-123";
    private static readonly DateTimeOffset Noon = new(2026, 3, 1, 12, 10, 0, TimeSpan.Zero);

    [Fact]
    public void A_good_answer_gives_the_intensity_and_sends_the_token_in_the_header()
    {
        using var server = new LoopbackServer(_ => new CannedResponse(200, "{\"zone\":\"FR\",\"carbonIntensity\":61.5,\"datetime\":\"2026-03-01T12:00:00.000Z\"}"));
        using var client = new ElectricityMapsClient(server.BaseUrl, Token, TimeSpan.FromSeconds(5));

        Assert.True(client.TryGetIntensity("FR", Noon, out var grams, out var error));
        Assert.Null(error);
        Assert.Equal(61.5, grams);
        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/v3/carbon-intensity/latest?zone=FR", request.Target);
        Assert.Contains("auth-token: " + Token, request.Headers, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Answers_are_cached_per_zone_and_hour()
    {
        var value = 100;
        using var server = new LoopbackServer(_ => new CannedResponse(200, "{\"carbonIntensity\":" + value++ + "}"));
        using var client = new ElectricityMapsClient(server.BaseUrl, Token, TimeSpan.FromSeconds(5));

        client.TryGetIntensity("FR", Noon, out var first, out _);
        client.TryGetIntensity("fr", Noon.AddMinutes(40), out var sameHour, out _);
        client.TryGetIntensity("FR", Noon.AddHours(1), out var nextHour, out _);
        client.TryGetIntensity("DE", Noon, out var otherZone, out _);

        Assert.Equal(100, first);
        Assert.Equal(100, sameHour);
        Assert.Equal(101, nextHour);
        Assert.Equal(102, otherZone);
        Assert.Equal(3, client.RequestCount);
    }

    [Theory]
    [InlineData(401, "{\"message\":\"bad token\"}", "refused the token (HTTP 401)")]
    [InlineData(429, "{\"message\":\"slow down\"}", "rate limit reached (HTTP 429)")]
    [InlineData(200, "{\"carbonIntensity\": 12", "malformed JSON")]
    [InlineData(200, "{\"zone\":\"FR\"}", "without a usable \"carbonIntensity\"")]
    [InlineData(200, "{\"carbonIntensity\":-5}", "without a usable \"carbonIntensity\"")]
    [InlineData(500, "oops", "HTTP 500")]
    public void A_failure_says_what_went_wrong_and_never_shows_the_token(int status, string body, string expected)
    {
        using var server = new LoopbackServer(_ => new CannedResponse(status, body));
        using var client = new ElectricityMapsClient(server.BaseUrl, Token, TimeSpan.FromSeconds(5));

        Assert.False(client.TryGetIntensity("FR", Noon, out _, out var error));
        Assert.Contains(expected, error);
        Assert.Contains("zone 'FR'", error);
        Assert.DoesNotContain(Token, error);
    }

    [Fact]
    public void A_server_that_does_not_answer_in_time_is_a_failure_within_the_timeout()
    {
        using var server = new LoopbackServer(_ => new CannedResponse(200, "{\"carbonIntensity\":1}", TimeSpan.FromSeconds(10)));
        using var client = new ElectricityMapsClient(server.BaseUrl, Token, TimeSpan.FromMilliseconds(300));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.False(client.TryGetIntensity("FR", Noon, out _, out var error));
        watch.Stop();

        Assert.Contains("did not answer within 0.3 s", error);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.DoesNotContain(Token, error);
    }

    [Fact]
    public void A_closed_port_is_a_failure_not_an_exception()
    {
        string url;
        using (var server = new LoopbackServer(_ => new CannedResponse(200, "{}")))
        {
            url = server.BaseUrl;
        }

        using var client = new ElectricityMapsClient(url, Token, TimeSpan.FromSeconds(2));
        Assert.False(client.TryGetIntensity("FR", Noon, out _, out var error));
        Assert.Contains("could not be reached", error);
    }

    [Fact]
    public void The_resolver_uses_live_data_and_falls_through_with_one_warning_on_failure()
    {
        var fail = false;
        using var server = new LoopbackServer(_ => fail ? new CannedResponse(429, "{}") : new CannedResponse(200, "{\"carbonIntensity\":42}"));
        var warnings = new System.Collections.Generic.List<string>();
        var options = new CarbonOptions { Country = "FRA", ElectricityMapsToken = Token, ElectricityMapsUrl = server.BaseUrl };
        using var resolver = new IntensityResolver(options, warnings.Add);

        Assert.True(resolver.IsLive);
        Assert.Equal("FR", resolver.Zone);
        var live = resolver.At(Noon);
        Assert.Equal(new IntensityReading(42, "electricitymaps", "zone FR"), live);

        fail = true;
        var later1 = resolver.At(Noon.AddHours(1));
        var later2 = resolver.At(Noon.AddHours(2));
        Assert.Equal("country", later1.Source);
        Assert.Equal(Locations.FindCountry("FRA")!.GramsPerKwh, later1.GramsPerKwh);
        Assert.Equal(later1, later2);
        var warning = Assert.Single(warnings);
        Assert.Contains("live intensity unavailable", warning);
        Assert.Contains("HTTP 429", warning);
        Assert.DoesNotContain(Token, warning);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public void A_forced_value_wins_over_live_data_and_no_request_is_made()
    {
        using var server = new LoopbackServer(_ => new CannedResponse(200, "{\"carbonIntensity\":42}"));
        var options = new CarbonOptions { Country = "FRA", IntensityGramsPerKwh = 100, ElectricityMapsToken = Token, ElectricityMapsUrl = server.BaseUrl };
        using var resolver = new IntensityResolver(options, _ => { });

        Assert.False(resolver.IsLive);
        Assert.Equal("forced", resolver.At(Noon).Source);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void Nordic_bidding_zones_map_to_electricity_maps_zones()
    {
        var options = new CarbonOptions { Region = "SE3", ElectricityMapsToken = Token, ElectricityMapsUrl = "http://127.0.0.1:9" };
        using var resolver = new IntensityResolver(options, _ => { });
        Assert.Equal("SE-SE3", resolver.Zone);
        Assert.Equal("SWE", resolver.Location.Country!.Alpha3);
    }
}
