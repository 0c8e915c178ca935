using System.Text.Json.Serialization;
using AgentCore.Json;

namespace AgentCore.Streaming;

/// <summary>
/// The figures the extension's Task records for one API request (<c>api_req_started</c>: tokensIn, tokensOut,
/// cacheWrites, cacheReads, cost), computed from the stream exactly as the reference accumulates its own chunks.
/// </summary>
/// <param name="TokensIn">Input tokens (Anthropic protocol: input + cache writes + cache reads).</param>
/// <param name="TokensOut">Output tokens.</param>
/// <param name="CacheWrites">Cache-write tokens.</param>
/// <param name="CacheReads">Cache-read tokens.</param>
/// <param name="Cost">The provider's total cost if it gave one, else the computed one; null when no prices are known. Serialized as JavaScript prints numbers.</param>
public readonly record struct TaskUsage(long TokensIn, long TokensOut, long CacheWrites, long CacheReads,
    [property: JsonConverter(typeof(JsNumberConverter))] double? Cost);
