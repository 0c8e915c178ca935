using System.Runtime.CompilerServices;
using AgentCore.Conversations;
using AgentCore.Streaming.Http;

namespace AgentCore.Streaming.Providers;

/// <summary>
/// An <see cref="ISummaryModel"/> over the streaming <see cref="ProviderClient"/>: the condense request (system
/// prompt + messages in the API history shape) is sent in the provider's own request format, the reply decoded by
/// the provider's stream decoder.
/// </summary>
/// <remarks>
/// The request shapes are <see cref="ProviderRequestBody"/>'s, the builder of the one-prompt requests too. The reply
/// is delivered after the stream ends: text chunks in order, then one usage chunk with the request's figures as the
/// task would record them (output tokens and cost). A stream that ends in an error throws
/// <see cref="ProviderException"/> with the provider's message, as the extension's stream throws. Thread-safe.
/// </remarks>
public sealed class ProviderSummaryModel : ISummaryModel
{
    private readonly ProviderClient _client;
    private readonly ChatRequest _template;

    /// <summary>Uses <paramref name="client"/> with the provider, model, base URL, key variable and decoder options of <paramref name="template"/>.</summary>
    public ProviderSummaryModel(ProviderClient client, ChatRequest template, bool supportsImages)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(template);
        _client = client;
        _template = template;
        SupportsImages = supportsImages;
    }

    /// <inheritdoc />
    public bool SupportsImages { get; }

    /// <inheritdoc />
    public async IAsyncEnumerable<SummaryStreamChunk> StreamAsync(
        string systemPrompt, ReadOnlyMemory<byte> messagesJson, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sink = new Collector();
        ChatRequest request = _template with { SystemPrompt = systemPrompt, Messages = messagesJson };
        ChatResult result = await _client.StreamChatAsync(request, sink, cancellationToken).ConfigureAwait(false);
        if (result.Failed)
        {
            throw new ProviderException(sink.Error ?? "the provider's stream ended with an error");
        }

        foreach (string text in sink.Texts)
        {
            yield return SummaryStreamChunk.FromText(text);
        }

        yield return SummaryStreamChunk.Usage(result.TaskUsage.Cost, result.TaskUsage.TokensOut);
    }

    private sealed class Collector : IStreamChunkSink
    {
        public List<string> Texts { get; } = [];

        public string? Error { get; private set; }

        public void OnChunk(in StreamChunk chunk)
        {
            if (chunk.Type == StreamChunkType.Text)
            {
                Texts.Add(chunk.Text.ToString());
            }
            else if (chunk.Type == StreamChunkType.Error)
            {
                Error ??= chunk.Message ?? chunk.Error;
            }
        }
    }
}
