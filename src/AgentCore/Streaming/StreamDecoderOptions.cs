namespace AgentCore.Streaming;

/// <summary>Options of a <see cref="StreamDecoder"/>.</summary>
public sealed record StreamDecoderOptions
{
    /// <summary>The default options: reference behaviour, prices looked up from the model id the stream reports.</summary>
    public static StreamDecoderOptions Default { get; } = new();

    /// <summary>
    /// The parity "fixes" switch: where the reference is plainly defective, give the corrected figures (Anthropic:
    /// the final cost includes every output token, and task tokensOut is the provider's final count). See docs/parity.md.
    /// </summary>
    public bool Fixes { get; init; }

    /// <summary>The model id; when null, the id the stream reports is used to find prices.</summary>
    public string? Model { get; init; }

    /// <summary>
    /// The cap of one SSE/NDJSON line and of one event, in bytes (default 32 MiB, far above any real provider event).
    /// Past it the stream ends with an <c>event_too_large</c> error chunk and no more input is read into memory.
    /// </summary>
    public int MaxEventBytes { get; init; } = SseParser.DefaultMaxEventBytes;

    /// <summary>Prices to use; when null they are looked up with <see cref="ModelPricing.Find"/>.</summary>
    public ModelPricing? Pricing { get; init; }
}
