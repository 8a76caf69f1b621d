using System;
using System.Collections.Generic;
using CarbonGen.Intensity;
using Xunit;

namespace CarbonGen.Tests.Intensity;

/// <summary>Cloud detection against a loopback server only: the real metadata address is never contacted.</summary>
public class CloudMetadataTests
{
    [Fact]
    public void Gcp_zone_gives_the_region()
    {
        using var server = new LoopbackServer(r => r.Target == "/computeMetadata/v1/instance/zone" && r.Headers.Contains("Metadata-Flavor: Google")
            ? new CannedResponse(200, "projects/123456/zones/europe-west1-b")
            : new CannedResponse(404, ""));
        Assert.Equal(("gcp", "europe-west1"), CloudMetadata.Detect(server.BaseUrl, TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void Azure_location_is_read_with_the_metadata_header()
    {
        using var server = new LoopbackServer(r => r.Target.StartsWith("/metadata/instance/compute/location", StringComparison.Ordinal) && r.Headers.Contains("Metadata: true")
            ? new CannedResponse(200, "westeurope")
            : new CannedResponse(404, ""));
        Assert.Equal(("azure", "westeurope"), CloudMetadata.Detect(server.BaseUrl, TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void Aws_region_is_read_with_an_imdsv2_token()
    {
        using var server = new LoopbackServer(r => (r.Method, r.Target) switch
        {
            ("PUT", "/latest/api/token") => new CannedResponse(200, "tok"),
            ("GET", "/latest/meta-data/placement/region") when r.Headers.Contains("X-aws-ec2-metadata-token: tok") => new CannedResponse(200, "eu-north-1"),
            _ => new CannedResponse(404, ""),
        });
        Assert.Equal(("aws", "eu-north-1"), CloudMetadata.Detect(server.BaseUrl, TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void No_answer_means_no_cloud_and_the_resolver_warns_and_continues()
    {
        using var server = new LoopbackServer(_ => new CannedResponse(404, ""));
        Assert.Null(CloudMetadata.Detect(server.BaseUrl, TimeSpan.FromSeconds(2)));

        var warnings = new List<string>();
        using var resolver = new IntensityResolver(new CarbonOptions { DetectCloud = true, CloudMetadataUrl = server.BaseUrl, Country = "DEU" }, warnings.Add);
        Assert.Equal("country", resolver.Baseline.Source);
        Assert.Contains(warnings, w => w.Contains("named no cloud region"));
    }

    [Fact]
    public void A_detected_region_is_used_by_the_resolver()
    {
        using var server = new LoopbackServer(r => r.Target == "/computeMetadata/v1/instance/zone"
            ? new CannedResponse(200, "projects/1/zones/europe-west1-c")
            : new CannedResponse(404, ""));
        using var resolver = new IntensityResolver(new CarbonOptions { DetectCloud = true, CloudMetadataUrl = server.BaseUrl }, _ => { });
        Assert.Equal("cloud-region", resolver.Baseline.Source);
        Assert.Equal("europe-west1", resolver.Location.Cloud?.Region);
        Assert.Equal("BEL", resolver.Location.Country?.Alpha3);
    }
}
