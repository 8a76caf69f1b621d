using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;

namespace CarbonGen.Intensity;

/// <summary>
/// Reads live grid intensity from the Electricity Maps API (<c>GET /v3/carbon-intensity/latest?zone=…</c>,
/// token in the <c>auth-token</c> header). Each request is bounded by a timeout; answers, and failures,
/// are cached per zone and hour, so a run makes at most one request per zone and hour. The token is
/// sent only in the header and never appears in a message.
/// </summary>
public sealed class ElectricityMapsClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _baseUrl;
    private readonly string _token;
    private readonly TimeSpan _timeout;
    private readonly Dictionary<(string Zone, long Hour), (double? Grams, string? Error)> _cache = new();

    /// <summary>Creates a client.</summary>
    /// <param name="baseUrl">API base URL, e.g. <c>https://api.electricitymap.org</c> or a loopback test server.</param>
    /// <param name="token">The API token (<c>CARBONGEN_ELECTRICITYMAPS_TOKEN</c>).</param>
    /// <param name="timeout">Limit for one request.</param>
    /// <param name="handler">Optional message handler (tests).</param>
    public ElectricityMapsClient(string baseUrl, string token, TimeSpan timeout, HttpMessageHandler? handler = null)
    {
        _baseUrl = baseUrl.TrimEnd('/');
        _token = token;
        _timeout = timeout;
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.Timeout = timeout;
    }

    /// <summary>Requests actually sent (cache misses).</summary>
    public int RequestCount { get; private set; }

    /// <summary>
    /// The intensity of <paramref name="zone"/> for the hour that contains <paramref name="moment"/>,
    /// from the cache or one request.
    /// </summary>
    /// <param name="zone">Electricity Maps zone, e.g. <c>FR</c>, <c>DE</c>, <c>SE-SE3</c>, <c>US-CAL-CISO</c>.</param>
    /// <param name="moment">The moment; its UTC hour is the cache key.</param>
    /// <param name="gramsPerKwh">The intensity, g CO2eq/kWh, when the result is <see langword="true"/>.</param>
    /// <param name="error">Why there is no value, when the result is <see langword="false"/>.</param>
    public bool TryGetIntensity(string zone, DateTimeOffset moment, out double gramsPerKwh, out string? error)
    {
        var key = (zone.ToUpperInvariant(), moment.ToUniversalTime().Ticks / TimeSpan.TicksPerHour);
        (double? Grams, string? Error) entry;
        lock (_cache)
        {
            if (!_cache.TryGetValue(key, out entry))
            {
                entry = Fetch(zone);
                _cache[key] = entry;
            }
        }

        gramsPerKwh = entry.Grams ?? 0;
        error = entry.Error;
        return entry.Grams is not null;
    }

    private (double? Grams, string? Error) Fetch(string zone)
    {
        RequestCount++;
        var url = _baseUrl + "/v3/carbon-intensity/latest?zone=" + Uri.EscapeDataString(zone);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("auth-token", _token);
            using var cancel = new CancellationTokenSource(_timeout);
            using var response = _http.Send(request, HttpCompletionOption.ResponseContentRead, cancel.Token);
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.Unauthorized || response.StatusCode == HttpStatusCode.Forbidden)
            {
                return (null, $"Electricity Maps refused the token (HTTP {status}) for zone '{zone}' at {url}; check CARBONGEN_ELECTRICITYMAPS_TOKEN");
            }

            if (status == 429)
            {
                return (null, $"Electricity Maps rate limit reached (HTTP 429) for zone '{zone}' at {url}");
            }

            if (!response.IsSuccessStatusCode)
            {
                return (null, $"Electricity Maps answered HTTP {status} ({response.ReasonPhrase}) for zone '{zone}' at {url}");
            }

            using var stream = response.Content.ReadAsStream(cancel.Token);
            using var document = JsonDocument.Parse(stream);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("carbonIntensity", out var value)
                && value.ValueKind == JsonValueKind.Number
                && value.TryGetDouble(out var grams)
                && grams >= 0
                && grams < 5000)
            {
                return (grams, null);
            }

            return (null, $"Electricity Maps answered without a usable \"carbonIntensity\" for zone '{zone}' at {url}");
        }
        catch (OperationCanceledException)
        {
            return (null, string.Format(CultureInfo.InvariantCulture, "Electricity Maps did not answer within {0:0.###} s (zone '{1}', {2}); raise CARBONGEN_ELECTRICITYMAPS_TIMEOUT_SECONDS if the network is slow", _timeout.TotalSeconds, zone, url));
        }
        catch (JsonException e)
        {
            return (null, $"Electricity Maps answered with malformed JSON for zone '{zone}' at {url} ({e.Message.Split('.')[0]})");
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException or NotSupportedException)
        {
            return (null, $"Electricity Maps could not be reached at {url}: {e.Message}");
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            // The message could quote a header value, that is the token: name the kind of failure only.
            return (null, $"Electricity Maps could not be asked for zone '{zone}' at {url} ({e.GetType().Name}: check CARBONGEN_ELECTRICITYMAPS_URL and the token's characters)");
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
