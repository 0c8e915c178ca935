using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AgentCore.Streaming.Providers;
using AgentCore.Diagnostics;

namespace AgentCore.Streaming.Http;

/// <summary>
/// The transport of provider requests: streams chat replies over one pooled <see cref="HttpClient"/>
/// (SocketsHttpHandler: keep-alive connection pool, HTTP/2 where the server offers it, connect timeout), with retries
/// and timeouts, decoding the body as it arrives. What differs between providers (URL, headers, body, content type)
/// comes from <see cref="ProviderRequest"/>; error bodies are read by <see cref="ProviderError.MessageOfBody"/>.
/// </summary>
/// <remarks>
/// A request answered 429 or 5xx, or not answered at all, is retried before its first byte with exponential
/// backoff and jitter, honouring <c>retry-after</c> / <c>retry-after-ms</c>. Other error statuses fail at once with
/// the provider's own message. Once the body streams, silence longer than the idle timeout or a lost connection ends
/// the stream with an error chunk. Cancellation stops reading at once. The API key is read from an environment
/// variable, sent only in its header, and redacted from every message. Thread-safe: one client for the process.
/// </remarks>
public sealed class ProviderClient : IDisposable
{
    private const int ReadBufferSize = 16 * 1024;
    private const int MaxErrorBodyBytes = 64 * 1024;
    private static readonly MediaTypeHeaderValue s_json = new("application/json");

    private readonly HttpClient _http;
    private readonly ProviderClientOptions _options;

    /// <summary>Creates a client; <paramref name="handler"/> replaces the default SocketsHttpHandler (tests).</summary>
    public ProviderClient(ProviderClientOptions? options = null, HttpMessageHandler? handler = null)
    {
        _options = options ?? ProviderClientOptions.Default;
        handler ??= new SocketsHttpHandler
        {
            ConnectTimeout = _options.ConnectTimeout,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            EnableMultipleHttp2Connections = true,
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = false,
            UseCookies = false,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            KeepAlivePingDelay = TimeSpan.FromSeconds(30),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(15),
        };
        _http = new HttpClient(handler, disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
    }

    /// <summary>
    /// Sends <paramref name="request"/> and streams the reply's chunks to <paramref name="sink"/> as they arrive.
    /// </summary>
    /// <exception cref="ProviderException">The request failed before its stream started (HTTP error status after any retries, unreachable server, timeout, unset key variable).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<ChatResult> StreamChatAsync(ChatRequest request, IStreamChunkSink sink, CancellationToken cancellationToken = default)
    {
        using OperationScope operation = OperationMetrics.Begin("provider.chat", async: true);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sink);
        ProviderRequest prepared = ProviderRequest.Create(request);
        Uri uri = prepared.Uri;
        TimeSpan total = request.Timeout ?? _options.TotalTimeout;
        if (total <= TimeSpan.Zero)
        {
            throw new ProviderException("the request's timeout must be positive");
        }

        using StreamDecoder decoder = StreamDecoder.Create(ProviderKinds.StreamFormat(request.Provider), sink, request.DecoderOptions);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(total);
        HttpResponseMessage response;
        int attempts;
        try
        {
            (response, attempts) = await SendWithRetriesAsync(prepared, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProviderException(
                $"no response headers from {uri.Host} within the {Seconds(total)} s deadline (timeout): the server did not answer", HttpStatusCode.RequestTimeout);
        }

        using (response)
        {
            ThrowIfNotAStream(prepared, response);
            try
            {
                Stream content = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
                await using (content.ConfigureAwait(false))
                {
                    await PumpAsync(content, decoder, deadline.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                decoder.Abort("timeout", $"the response did not end within the {Seconds(total)} s deadline: the response is incomplete");
            }
        }

        return new ChatResult(decoder.GetTaskUsage(), decoder.HasFailed, attempts);
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A 200 answer whose content type is not a stream (an HTML login page from a proxy, a JSON document) fails naming
    /// the type; a missing content type is accepted.
    /// </summary>
    private static void ThrowIfNotAStream(ProviderRequest request, HttpResponseMessage response)
    {
        string? mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not null && !request.IsStreamMediaType(mediaType))
        {
            throw new ProviderException(
                $"{request.Uri.Host} answered HTTP {(int)response.StatusCode} with content type {mediaType}, not an event stream ({request.StreamMediaType}): check --base-url",
                response.StatusCode);
        }
    }

    /// <summary>Closes the pooled connections.</summary>
    public void Dispose() => _http.Dispose();

    private async Task<(HttpResponseMessage Response, int Attempts)> SendWithRetriesAsync(ProviderRequest prepared, CancellationToken cancellationToken)
    {
        Uri uri = prepared.Uri;
        for (int attempt = 1; ; attempt++)
        {
            bool canRetry = attempt <= _options.MaxRetries;
            TimeSpan delay;
            using (var request = new HttpRequestMessage(HttpMethod.Post, uri))
            {
                request.Content = new ByteArrayContent(prepared.Body);
                request.Content.Headers.ContentType = s_json;
                prepared.AddHeaders(request.Headers);
                HttpResponseMessage? response = null;
                string? failure = null;
                using (var headersTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    headersTimeout.CancelAfter(_options.IdleTimeout);
                    try
                    {
                        response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, headersTimeout.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        failure = $"no response from {uri.Host} within {_options.IdleTimeout.TotalSeconds:0.###} s (timeout)";
                    }
                    catch (HttpRequestException e)
                    {
                        failure = $"cannot reach {uri.Host}: {prepared.Redact(e.Message)}";
                        if (e.HttpRequestError is not (HttpRequestError.ConnectionError or HttpRequestError.ResponseEnded or HttpRequestError.Unknown))
                        {
                            // DNS, TLS and protocol failures do not heal by waiting: report at once.
                            throw new ProviderException(failure, e);
                        }
                    }
                }

                if (response is not null)
                {
                    if (response.IsSuccessStatusCode)
                    {
                        return (response, attempt);
                    }

                    int status = (int)response.StatusCode;
                    if ((status == 429 || status >= 500) && canRetry)
                    {
                        delay = RetryAfter(response) ?? Backoff(attempt);
                        response.Dispose();
                    }
                    else
                    {
                        using (response)
                        {
                            string message = await ReadErrorMessageAsync(response, cancellationToken).ConfigureAwait(false);
                            throw new ProviderException(
                                $"HTTP {status} {response.ReasonPhrase ?? response.StatusCode.ToString()}: {prepared.Redact(message)}", response.StatusCode);
                        }
                    }
                }
                else if (canRetry)
                {
                    delay = Backoff(attempt);
                }
                else
                {
                    throw new ProviderException(failure!);
                }
            }

            await Task.Delay(delay < _options.MaxRetryDelay ? delay : _options.MaxRetryDelay, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PumpAsync(Stream content, StreamDecoder decoder, CancellationToken cancellationToken)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ReadBufferSize);
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Re-arming the idle timer on every read costs a timer-queue update per chunk; re-arm it only when an eighth
        // of the timeout has passed since the last arming, so silence is detected after 7/8 to 8/8 of the timeout.
        long rearmTicks = (long)(_options.IdleTimeout.TotalSeconds * Stopwatch.Frequency / 8);
        long armedAt = 0;
        bool armed = false;
        try
        {
            while (!decoder.IsEnded)
            {
                long now = Stopwatch.GetTimestamp();
                if (!armed || now - armedAt > rearmTicks)
                {
                    idle.CancelAfter(_options.IdleTimeout);
                    armedAt = now;
                    armed = true;
                }

                int n;
                try
                {
                    n = await content.ReadAsync(buffer.AsMemory(), idle.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    decoder.Abort("timeout", $"no data from the provider for {_options.IdleTimeout.TotalSeconds:0.###} s: the response is incomplete");
                    return;
                }
                catch (IOException e)
                {
                    decoder.Abort("connection_lost", $"the connection was lost mid-stream ({e.Message}): the response is incomplete");
                    return;
                }

                if (n == 0)
                {
                    break;
                }

                decoder.Push(buffer.AsSpan(0, n));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        decoder.Complete();
    }

    private TimeSpan Backoff(int attempt)
    {
        double baseMs = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
#pragma warning disable CA5394 // Jitter needs no cryptographic randomness.
        double jitter = 0.5 + Random.Shared.NextDouble();
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(Math.Min(baseMs * jitter, _options.MaxRetryDelay.TotalMilliseconds));
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("retry-after-ms", out IEnumerable<string>? ms)
            && double.TryParse(ms.FirstOrDefault(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double milliseconds)
            && milliseconds >= 0)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        RetryConditionHeaderValue? retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is TimeSpan delta)
        {
            return delta;
        }

        if (retryAfter?.Date is DateTimeOffset date)
        {
            TimeSpan wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static async Task<string> ReadErrorMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                bytes = new byte[MaxErrorBodyBytes];
                int length = 0;
                int n;
                while (length < bytes.Length && (n = await stream.ReadAsync(bytes.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += n;
                }

                Array.Resize(ref bytes, length);
            }
        }
        catch (IOException)
        {
            return "(the error body could not be read)";
        }

        return ProviderError.MessageOfBody(bytes);
    }
}
