using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AgentCore.Json;
using AgentCore.Streaming;
using AgentCore.Streaming.Http;

namespace AgentCore.Conversations;

/// <summary>
/// An <see cref="ISummaryModel"/> over the streaming <see cref="ProviderClient"/>: the condense request (system
/// prompt + messages in the API history shape) is sent in the provider's own request format, the reply decoded by
/// the provider's stream decoder.
/// </summary>
/// <remarks>
/// Request shapes: Anthropic takes the messages as they are (<c>system</c> + <c>messages</c>); OpenAI Chat
/// Completions gets a system message and content parts (<c>text</c>, <c>image_url</c> data URLs); OpenAI Responses
/// (<c>instructions</c> + <c>input_text</c>/<c>output_text</c>), Gemini (<c>systemInstruction</c> + text parts,
/// role <c>model</c>) and Ollama (system message, text joined by blank lines) get the text blocks only.
/// The reply is delivered after the stream ends: text chunks in order, then one usage chunk with the request's
/// figures as the task would record them (output tokens and cost). A stream that ends in an error throws
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
        byte[] body = ProviderMessagesBody.Build(_template, systemPrompt, messagesJson.Span);
        var sink = new Collector();
        ChatResult result = await _client.StreamChatAsync(_template with { Body = body }, sink, cancellationToken).ConfigureAwait(false);
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
