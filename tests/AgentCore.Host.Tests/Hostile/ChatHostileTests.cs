using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AgentCore.Host.Tests.Hostile;

/// <summary>
/// Issue 10's rows for <c>agentcore chat</c> against a loopback server that never sends headers, sends an HTML page,
/// or sends a line without end.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class ChatHostileTests
{
    [Fact]
    public async Task Chat_ServerNeverSendsHeaders_FailsAtTheDeadlineSayingSo()
    {
        // Main: 5 attempts of 120 s each, about 10 minutes.
        await using var server = new HostileServer(async (stream, ct) => await Task.Delay(Timeout.Infinite, ct));
        BoundedResult r = BoundedRun.Run(Chat(server, "--timeout", "3"), HostileCollection.CeilingBytes, timeoutMs: 120_000);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("no response headers", r.StdErr, StringComparison.Ordinal);
        Assert.Contains("3 s deadline", r.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_HtmlLoginPage_FailsNamingTheContentType()
    {
        await using var server = new HostileServer(async (stream, ct) =>
        {
            byte[] page = "<html><body>Please sign in</body></html>"u8.ToArray();
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {page.Length}\r\n\r\n"), ct);
            await stream.WriteAsync(page, ct);
        });
        BoundedResult r = BoundedRun.Run(Chat(server), HostileCollection.CeilingBytes, timeoutMs: 120_000);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("content type text/html", r.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("stream_incomplete", r.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_EndlessLine_EventTooLargeWithBoundedMemory()
    {
        // Main: 8-13 GB after 26-45 s, still growing.
        byte[] block = new byte[64 * 1024];
        block.AsSpan().Fill((byte)'x');
        await using var server = new HostileServer(async (stream, ct) =>
        {
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\ndata: "u8.ToArray(), ct);
            while (!ct.IsCancellationRequested)
            {
                await stream.WriteAsync(block, ct);
            }
        });
        BoundedResult r = BoundedRun.Run(Chat(server), HostileCollection.CeilingBytes, timeoutMs: 120_000);
        Assert.False(r.KilledForMemory, $"peak RSS {r.PeakMiB:0} MiB");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("event_too_large", r.StdErr, StringComparison.Ordinal);
        Assert.True(r.PeakRssBytes <= (3L * 32 << 20) + HostileCollection.BaselineBytes, $"peak RSS {r.PeakMiB:0} MiB for a 32 MiB cap");
    }

    private static string[] Chat(HostileServer server, params string[] extra) =>
        ["chat", "--provider", "openai", "--model", "gpt-4.1-mini", "--base-url", server.BaseUrl, .. extra, "Hi"];

    /// <summary>A loopback HTTP server that reads each request's head and then runs a scenario on the connection.</summary>
    private sealed class HostileServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public HostileServer(Func<NetworkStream, CancellationToken, Task> scenario)
        {
            _listener.Start();
            _loop = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    TcpClient client;
                    try
                    {
                        client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    }
                    catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
                    {
                        return;
                    }

                    _ = Task.Run(async () =>
                    {
                        using (client)
                        {
                            try
                            {
                                NetworkStream stream = client.GetStream();
                                await ReadHeadAsync(stream, _stop.Token);
                                await scenario(stream, _stop.Token);
                            }
                            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
                            {
                                // The client went away, or the server stops.
                            }
                        }
                    });
                }
            });
        }

        public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v1";

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _loop;
            _stop.Dispose();
        }

        private static async Task ReadHeadAsync(NetworkStream stream, CancellationToken ct)
        {
            var head = new List<byte>();
            byte[] one = new byte[1];
            while (head.Count < 4 || head[^4] != '\r' || head[^3] != '\n' || head[^2] != '\r' || head[^1] != '\n')
            {
                if (await stream.ReadAsync(one, ct) == 0)
                {
                    return;
                }

                head.Add(one[0]);
            }
        }
    }
}
