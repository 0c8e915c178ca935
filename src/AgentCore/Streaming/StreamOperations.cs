using System.Buffers;
using System.Text;
using AgentCore.Diagnostics;
using AgentCore.Operations;
using AgentCore.Streaming.Http;
using AgentCore.Streaming.Providers;

namespace AgentCore.Streaming;

/// <summary>The streaming operations: decode a recorded body, and stream a chat reply from a provider.</summary>
public static class StreamOperations
{
    private const int ReadBufferSize = 16 * 1024;
    private static readonly Lazy<ProviderClient> s_client = new(() => new ProviderClient());

    /// <summary>
    /// Decodes the body named by <paramref name="request"/> into chunks for <paramref name="sink"/>, calling
    /// <see cref="IStreamChunkSink.Flush"/> after each read so a piped body is forwarded event by event.
    /// </summary>
    /// <exception cref="OperationException"><see cref="ErrorCodes.Provider"/>: the stream carried a provider error or
    /// ended early (the error chunk was sent to the sink first; the message is <c>code: message</c>);
    /// <see cref="ErrorCodes.InvalidArgument"/>: an unknown format or an empty path; file errors naming the path.</exception>
    /// <exception cref="OperationCanceledException">Cancelled (checked at every read).</exception>
    public static async Task<DecodeStreamResult> DecodeAsync(DecodeStreamRequest request, IStreamChunkSink sink, CancellationToken cancellationToken)
    {
        using OperationScope operation = OperationMetrics.Begin("streaming.decode");
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sink);
        if (!StreamFormats.TryParse(request.Format, out StreamFormat format))
        {
            OperationException.ThrowInvalidArgument("format", $"unknown stream format '{request.Format}' ({string.Join(", ", StreamFormats.Names)})");
        }

        Stream input;
        bool owned = false;
        if (request.Input is not null)
        {
            input = request.Input;
        }
        else if (request.Body is not null)
        {
            input = new MemoryStream(Encoding.UTF8.GetBytes(request.Body), writable: false);
        }
        else
        {
            input = InputSource.OpenRead(request.Path ?? throw new OperationException(new OperationError(ErrorCodes.InvalidArgument, "the request names no input (path or body)", "path")));
            owned = true;
        }

        var capture = new ErrorCapture(sink);
        var options = new StreamDecoderOptions { Fixes = request.Fixes, Model = request.Model };
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ReadBufferSize);
        try
        {
            using StreamDecoder decoder = StreamDecoder.Create(format, capture, options);
            while (!decoder.IsEnded)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int n;
                try
                {
                    n = await input.ReadAsync(buffer.AsMemory(0, ReadBufferSize), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (FileErrors.IsFileError(e))
                {
                    throw new OperationException(FileErrors.From(e, request.Input is null ? request.Path ?? "-" : "-"));
                }

                if (n == 0)
                {
                    break;
                }

                decoder.Push(buffer.AsSpan(0, n));
                sink.Flush();
            }

            decoder.Complete();
            sink.Flush();
            capture.ThrowIfFailed();
            return new DecodeStreamResult(decoder.GetTaskUsage());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (owned)
            {
                await input.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Sends <paramref name="request"/> to its provider over the process-wide <see cref="ProviderClient"/> and streams
    /// the reply's chunks to <paramref name="sink"/> as they arrive.
    /// </summary>
    /// <exception cref="OperationException"><see cref="ErrorCodes.Provider"/>: the provider answered with an error
    /// (HTTP status, or an error object inside the stream: then the error chunk was sent to the sink first), could not
    /// be reached, or broke off.</exception>
    /// <exception cref="OperationCanceledException">Cancelled: the socket read stops at once.</exception>
    public static Task<ChatResult> ChatAsync(ChatRequest request, IStreamChunkSink sink, CancellationToken cancellationToken) =>
        ChatAsync(s_client.Value, request, sink, cancellationToken);

    /// <summary><see cref="ChatAsync(ChatRequest, IStreamChunkSink, CancellationToken)"/> over a given <paramref name="client"/>.</summary>
    public static async Task<ChatResult> ChatAsync(ProviderClient client, ChatRequest request, IStreamChunkSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sink);
        var capture = new ErrorCapture(sink);
        ChatResult result;
        try
        {
            result = await client.StreamChatAsync(request, capture, cancellationToken).ConfigureAwait(false);
        }
        catch (ProviderException e)
        {
            throw new OperationException(new OperationError(ErrorCodes.Provider, e.Message, "provider"));
        }

        capture.ThrowIfFailed();
        return result;
    }

    /// <summary>
    /// <see cref="ChatAsync(ChatRequest, IStreamChunkSink, CancellationToken)"/> for a request given as data
    /// (<c>chat/start</c>): the fields are checked and bound to a <see cref="ChatRequest"/>, the chunks go to
    /// <paramref name="sink"/> as they arrive, and the result carries the task's usage figures.
    /// </summary>
    /// <exception cref="OperationException"><see cref="ErrorCodes.InvalidArgument"/> naming the field (an unknown
    /// provider, no messages nor prompt, a message of the wrong shape, a bad base URL, timeout or maxTokens);
    /// <see cref="ErrorCodes.Provider"/> as for <see cref="ChatAsync(ChatRequest, IStreamChunkSink, CancellationToken)"/>.</exception>
    /// <exception cref="OperationCanceledException">Cancelled: the socket read stops at once.</exception>
    public static async Task<StartChatResult> StartChatAsync(StartChatRequest request, IStreamChunkSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sink);
        ChatRequest chat = Bind(request);
        var watch = new ToolCallWatch(sink);
        ChatResult result = await ChatAsync(chat, watch, cancellationToken).ConfigureAwait(false);
        return new StartChatResult(watch.SawToolCall ? "tool_calls" : "stop", result.TaskUsage, result.Attempts);
    }

    private static ChatRequest Bind(StartChatRequest request)
    {
        if (!ProviderKinds.TryParse(request.Provider ?? "", out ProviderKind provider))
        {
            OperationException.ThrowInvalidArgument("provider", $"provider must be one of {string.Join(", ", ProviderKinds.Names)}");
        }

        if (string.IsNullOrEmpty(request.Model))
        {
            OperationException.ThrowInvalidArgument("model", "model must be a model id");
        }

        if (request.BaseUrl is not null && !ProviderRequest.TryHttpUri(request.BaseUrl, out _))
        {
            OperationException.ThrowInvalidArgument("baseUrl", "baseUrl must be an absolute http(s) URL");
        }

        if (request.TimeoutSeconds is double t && !(t > 0 && t <= int.MaxValue / 1000))
        {
            OperationException.ThrowInvalidArgument("timeoutSeconds", "timeoutSeconds must be a positive number of seconds");
        }

        if (request.MaxTokens is int m && m < 1)
        {
            OperationException.ThrowInvalidArgument("maxTokens", "maxTokens must be at least 1");
        }

        ReadOnlyMemory<byte> messages = default;
        if (request.Messages is System.Text.Json.JsonElement list)
        {
            List<ReadOnlyMemory<byte>> checkedMessages = Conversations.ApiMessageShape.Validate(list, "messages", int.MaxValue);
            if (checkedMessages.Count == 0)
            {
                OperationException.ThrowInvalidArgument("messages", "messages must hold at least one message");
            }

            messages = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(list).ToArray();
        }
        else if (request.Prompt is null)
        {
            OperationException.ThrowInvalidArgument("messages", "messages (or prompt) is required");
        }

        var chat = new ChatRequest
        {
            Provider = provider,
            Model = request.Model,
            Prompt = request.Prompt ?? "",
            Messages = messages,
            SystemPrompt = request.SystemPrompt,
            BaseUrl = request.BaseUrl,
            ApiKey = request.ApiKey,
            ApiKeyVariable = request.ApiKeyEnv,
            Timeout = request.TimeoutSeconds is double s ? TimeSpan.FromSeconds(s) : null,
            DecoderOptions = new StreamDecoderOptions { Fixes = request.Fixes, Model = request.Model },
        };
        return request.MaxTokens is int max ? chat with { MaxTokens = max } : chat;
    }

    /// <summary>Forwards chunks and notes whether the reply holds tool calls.</summary>
    private sealed class ToolCallWatch(IStreamChunkSink inner) : IStreamChunkSink
    {
        public bool SawToolCall { get; private set; }

        public void OnChunk(in StreamChunk chunk)
        {
            SawToolCall |= chunk.Type == StreamChunkType.ToolCallPartial;
            inner.OnChunk(chunk);
        }

        public void Flush() => inner.Flush();
    }

    /// <summary>Forwards chunks and keeps the error chunk's code and message, so the operation can report it.</summary>
    private sealed class ErrorCapture(IStreamChunkSink inner) : IStreamChunkSink
    {
        private string? _error;
        private string? _message;

        public void OnChunk(in StreamChunk chunk)
        {
            if (chunk.Type == StreamChunkType.Error)
            {
                _error = chunk.Error ?? "error";
                _message = chunk.Message ?? "";
            }

            inner.OnChunk(chunk);
        }

        public void Flush() => inner.Flush();

        public void ThrowIfFailed()
        {
            if (_error is not null)
            {
                OperationException.Throw(ErrorCodes.Provider, $"{_error}: {_message}", "stream");
            }
        }
    }
}
