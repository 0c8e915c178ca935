using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AgentCore.Tests.Streaming.Http;

/// <summary>One request as the loopback server saw it.</summary>
internal sealed record LoopbackRequest(string Method, string Path, Dictionary<string, string> Headers, string Body);

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 for end-to-end tests: every request (keep-alive connections included)
/// is handed to the scenario with its index, and the scenario writes the raw response bytes.
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<int, LoopbackRequest, NetworkStream, CancellationToken, Task<bool>> _scenario;
    private readonly Task _acceptLoop;
    private int _requestCount;
    private int _connectionCount;

    /// <param name="scenario">Handles request n; returns true to keep the connection open for another request.</param>
    public LoopbackHttpServer(Func<int, LoopbackRequest, NetworkStream, CancellationToken, Task<bool>> scenario)
    {
        _scenario = scenario;
        _listener.Start();
        _acceptLoop = AcceptLoopAsync();
    }

    public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v1";

    public List<LoopbackRequest> Requests { get; } = [];

    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    public static async Task WriteAsync(Stream stream, string text, CancellationToken ct) =>
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), ct);

    /// <summary>Response head of a streamed body that ends when the connection closes.</summary>
    public static string StreamHead(string contentType = "text/event-stream") =>
        $"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\nConnection: close\r\n\r\n";

    public static string JsonResponse(int status, string reason, string body, string extraHeaders = "") =>
        $"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n{extraHeaders}\r\n{body}";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
            Interlocked.Increment(ref _connectionCount);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            NetworkStream stream = client.GetStream();
            try
            {
                while (true)
                {
                    LoopbackRequest? request = await ReadRequestAsync(stream, _stop.Token);
                    if (request is null)
                    {
                        return;
                    }

                    int index;
                    lock (Requests)
                    {
                        Requests.Add(request);
                        index = _requestCount++;
                    }

                    if (!await _scenario(index, request, stream, _stop.Token))
                    {
                        return;
                    }
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
            {
                // The client went away or the server stops.
            }
        }
    }

    private static async Task<LoopbackRequest?> ReadRequestAsync(NetworkStream stream, CancellationToken ct)
    {
        var head = new List<byte>();
        byte[] one = new byte[1];
        while (head.Count < 4 || !(head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, ct) == 0)
            {
                return null;
            }

            head.Add(one[0]);
        }

        string[] lines = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        string[] requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string line in lines.Skip(1))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        int length = headers.TryGetValue("Content-Length", out string? cl) ? int.Parse(cl, System.Globalization.CultureInfo.InvariantCulture) : 0;
        byte[] body = new byte[length];
        int read = 0;
        while (read < length)
        {
            int n = await stream.ReadAsync(body.AsMemory(read), ct);
            if (n == 0)
            {
                return null;
            }

            read += n;
        }

        return new LoopbackRequest(requestLine[0], requestLine[1], headers, Encoding.UTF8.GetString(body));
    }
}
