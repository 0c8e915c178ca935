using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AgentCore.Streaming;

namespace AgentCore.Diagnostics.Workloads;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 that answers every provider's streaming endpoint with that provider's
/// recorded body (<see cref="StreamRecordings"/>), so the real <c>ProviderClient</c> can be driven without a network.
/// </summary>
/// <remarks>
/// Keep-alive connections, one task per connection; the request head is capped at 64 KiB and the body at 1 MiB
/// (larger requests get 413 and the connection is closed). The endpoint is chosen by path: <c>/chat/completions</c>,
/// <c>/responses</c>, <c>/messages</c>, <c>:streamGenerateContent</c>, <c>/api/chat</c>.
/// </remarks>
internal sealed class LoopbackProviderServer : IAsyncDisposable
{
    private const int MaxHeadBytes = 64 * 1024;
    private const int MaxBodyBytes = 1024 * 1024;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[][] _responses;
    private readonly Task _acceptLoop;
    private long _served;

    /// <summary>Starts listening on an ephemeral port.</summary>
    public LoopbackProviderServer()
    {
        _responses = new byte[StreamFormats.Names.Count][];
        for (int i = 0; i < _responses.Length; i++)
        {
            var format = (StreamFormat)i;
            ReadOnlySpan<byte> body = StreamRecordings.Body(format).Span;
            string type = format == StreamFormat.Ollama ? "application/x-ndjson" : "text/event-stream";
            byte[] head = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $"HTTP/1.1 200 OK\r\nContent-Type: {type}\r\nContent-Length: {body.Length}\r\nConnection: keep-alive\r\n\r\n"));
            _responses[i] = [.. head, .. body];
        }

        _listener.Start(backlog: 4096);
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>The API base for <c>ChatRequest.BaseUrl</c>, e.g. <c>http://127.0.0.1:41234/v1</c>.</summary>
    public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v1";

    /// <summary>Responses sent so far.</summary>
    public long Served => Interlocked.Read(ref _served);

    /// <summary>Stops accepting and closes every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try
        {
            await _acceptLoop.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping.
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
            socket.NoDelay = true;
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using (socket)
            {
                int filled = 0;
                while (!_stop.IsCancellationRequested)
                {
                    // Read until the end of the head.
                    int headEnd;
                    while ((headEnd = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
                    {
                        if (filled == buffer.Length)
                        {
                            if (buffer.Length >= MaxHeadBytes)
                            {
                                await socket.SendAsync("HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), _stop.Token).ConfigureAwait(false);
                                return;
                            }

                            buffer = Grow(buffer, filled);
                        }

                        int n = await socket.ReceiveAsync(buffer.AsMemory(filled), _stop.Token).ConfigureAwait(false);
                        if (n == 0)
                        {
                            return;
                        }

                        filled += n;
                    }

                    headEnd += 4;
                    long contentLength = ContentLength(buffer.AsSpan(0, headEnd));
                    if (contentLength > MaxBodyBytes)
                    {
                        await socket.SendAsync("HTTP/1.1 413 Content Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), _stop.Token).ConfigureAwait(false);
                        return;
                    }

                    int format = FormatOf(buffer.AsSpan(0, headEnd));
                    long need = headEnd + contentLength;
                    while (filled < need)
                    {
                        if (filled == buffer.Length)
                        {
                            buffer = Grow(buffer, filled);
                        }

                        int n = await socket.ReceiveAsync(buffer.AsMemory(filled), _stop.Token).ConfigureAwait(false);
                        if (n == 0)
                        {
                            return;
                        }

                        filled += n;
                    }

                    await socket.SendAsync(_responses[format], _stop.Token).ConfigureAwait(false);
                    Interlocked.Increment(ref _served);

                    // Keep what follows the request (a pipelined next request) at the front.
                    int rest = filled - (int)need;
                    buffer.AsSpan((int)need, rest).CopyTo(buffer);
                    filled = rest;
                }
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The client went away, or the server is stopping.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] Grow(byte[] buffer, int filled)
    {
        byte[] bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxBodyBytes + MaxHeadBytes));
        buffer.AsSpan(0, filled).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(buffer);
        return bigger;
    }

    private static long ContentLength(ReadOnlySpan<byte> head)
    {
        foreach (Range r in head.Split("\r\n"u8))
        {
            ReadOnlySpan<byte> line = head[r];
            if (line.Length > 15 && Ascii.EqualsIgnoreCase(line[..15], "content-length:"u8))
            {
                return long.TryParse(Encoding.ASCII.GetString(line[15..]).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long v) ? v : 0;
            }
        }

        return 0;
    }

    private static int FormatOf(ReadOnlySpan<byte> head)
    {
        int lineEnd = head.IndexOf("\r\n"u8);
        ReadOnlySpan<byte> requestLine = lineEnd < 0 ? head : head[..lineEnd];
        StreamFormat format =
            requestLine.IndexOf("/chat/completions"u8) >= 0 ? StreamFormat.OpenAiChat :
            requestLine.IndexOf("/responses"u8) >= 0 ? StreamFormat.OpenAiResponses :
            requestLine.IndexOf("/messages"u8) >= 0 ? StreamFormat.Anthropic :
            requestLine.IndexOf(":streamGenerateContent"u8) >= 0 ? StreamFormat.Gemini :
            StreamFormat.Ollama;
        return (int)format;
    }
}
