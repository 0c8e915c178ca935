namespace AgentCore.Streaming.Http;

/// <summary>Timeouts and retry policy of a <see cref="ProviderClient"/>.</summary>
public sealed record ProviderClientOptions
{
    /// <summary>The defaults: 10 s connect, 120 s idle, 4 retries from 1 s doubling up to 30 s, 300 s in all.</summary>
    public static ProviderClientOptions Default { get; } = new();

    /// <summary>Time allowed to open a connection (TCP + TLS).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest silence allowed while waiting for the response headers or between two reads of the body.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// The whole request's deadline, retries and the streamed body included (a request's <see cref="ChatRequest.Timeout"/>
    /// overrides it): a server that accepts connections and never answers fails within it.
    /// </summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries of a request answered 429 or 5xx (or not answered) before its first byte.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>First backoff delay; doubled per attempt, with ±50 % jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of any wait between attempts, <c>retry-after</c> included.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);
}
