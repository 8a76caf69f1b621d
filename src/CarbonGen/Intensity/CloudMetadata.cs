using System;
using System.IO;
using System.Net.Http;
using System.Threading;

namespace CarbonGen.Intensity;

/// <summary>
/// Asks the instance-metadata endpoint which cloud provider and region the machine runs in. Opt-in
/// (<c>CARBONGEN_DETECT_CLOUD</c>), with a configurable endpoint and a short timeout per request.
/// GCP, Azure and AWS (IMDSv2, then v1) are tried in that order.
/// </summary>
public static class CloudMetadata
{
    /// <summary>Detects the provider and region, or returns <see langword="null"/> when the endpoint gives neither.</summary>
    /// <param name="baseUrl">Metadata base URL (the provider's link-local address, or a test server).</param>
    /// <param name="timeout">Limit for each request.</param>
    /// <param name="handler">Optional message handler (tests).</param>
    public static (string Provider, string Region)? Detect(string baseUrl, TimeSpan timeout, HttpMessageHandler? handler = null)
    {
        var root = baseUrl.TrimEnd('/');
        // The metadata endpoint is link-local: never send the request through a proxy.
        using var http = handler is null ? new HttpClient(new SocketsHttpHandler { UseProxy = false }) : new HttpClient(handler, disposeHandler: false);
        http.Timeout = timeout;

        // GCP: "projects/123/zones/europe-west1-b" → europe-west1.
        var zone = Get(http, HttpMethod.Get, root + "/computeMetadata/v1/instance/zone", ("Metadata-Flavor", "Google"), timeout);
        if (zone is not null && zone.LastIndexOf('/') is var slash && slash >= 0)
        {
            var z = zone[(slash + 1)..];
            var dash = z.LastIndexOf('-');
            return ("gcp", dash > 0 ? z[..dash] : z);
        }

        var azure = Get(http, HttpMethod.Get, root + "/metadata/instance/compute/location?api-version=2021-02-01&format=text", ("Metadata", "true"), timeout);
        if (!string.IsNullOrWhiteSpace(azure))
        {
            return ("azure", azure!.Trim());
        }

        var token = Get(http, HttpMethod.Put, root + "/latest/api/token", ("X-aws-ec2-metadata-token-ttl-seconds", "60"), timeout);
        var aws = token is null
            ? Get(http, HttpMethod.Get, root + "/latest/meta-data/placement/region", null, timeout)
            : Get(http, HttpMethod.Get, root + "/latest/meta-data/placement/region", ("X-aws-ec2-metadata-token", token.Trim()), timeout);
        return string.IsNullOrWhiteSpace(aws) ? null : ("aws", aws!.Trim());
    }

    private static string? Get(HttpClient http, HttpMethod method, string url, (string Name, string Value)? header, TimeSpan timeout)
    {
        try
        {
            using var request = new HttpRequestMessage(method, url);
            if (header is { } h)
            {
                request.Headers.TryAddWithoutValidation(h.Name, h.Value);
            }

            using var cancel = new CancellationTokenSource(timeout);
            using var response = http.Send(request, HttpCompletionOption.ResponseContentRead, cancel.Token);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var reader = new StreamReader(response.Content.ReadAsStream(cancel.Token));
            var text = reader.ReadToEnd().Trim();
            return text.Length == 0 || text.Length > 200 ? null : text;
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException or InvalidOperationException or NotSupportedException)
        {
            return null;
        }
    }
}
