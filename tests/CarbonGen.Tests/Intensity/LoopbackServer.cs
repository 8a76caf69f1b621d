using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CarbonGen.Tests.Intensity;

/// <summary>One HTTP request as the loopback server saw it.</summary>
internal sealed record SeenRequest(string Method, string Target, string Headers);

/// <summary>What the loopback server answers: status, body, and an optional delay before answering.</summary>
internal sealed record CannedResponse(int Status, string Body, TimeSpan Delay = default);

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 (a free port), one connection per request, for testing the
/// live-data and metadata clients without any real network.
/// </summary>
internal sealed class LoopbackServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<SeenRequest, CannedResponse> _answer;
    private readonly CancellationTokenSource _stop = new();

    public LoopbackServer(Func<SeenRequest, CannedResponse> answer)
    {
        _answer = answer;
        _listener.Start();
        _ = Task.Run(AcceptLoop);
    }

    public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            _ = Task.Run(() => Serve(client));
        }
    }

    private async Task Serve(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var reader = new StreamReader(stream, Encoding.ASCII, false, 1024, leaveOpen: true);
                var requestLine = await reader.ReadLineAsync() ?? string.Empty;
                var headers = new StringBuilder();
                string? line;
                var length = 0;
                while (!string.IsNullOrEmpty(line = await reader.ReadLineAsync()))
                {
                    headers.Append(line).Append('\n');
                    if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    {
                        length = int.Parse(line["Content-Length:".Length..].Trim());
                    }
                }

                if (length > 0)
                {
                    var body = new char[length];
                    await reader.ReadBlockAsync(body, 0, length);
                }

                var parts = requestLine.Split(' ');
                var seen = new SeenRequest(parts[0], parts.Length > 1 ? parts[1] : string.Empty, headers.ToString());
                Requests.Enqueue(seen);
                var response = _answer(seen);
                if (response.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(response.Delay, _stop.Token);
                }

                var payload = Encoding.UTF8.GetBytes(response.Body);
                var head = $"HTTP/1.1 {response.Status} Status\r\nContent-Type: application/json\r\nContent-Length: {payload.Length}\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
                await stream.WriteAsync(payload);
                await stream.FlushAsync();
            }
            catch (Exception)
            {
                // The client gave up (timeout test) or the server is stopping.
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }
}
