using System.Text.Json.Serialization;

namespace AgentCore.Diagnostics;

/// <summary>Source-generated JSON for the diagnostics operations' requests and results (camelCase, no reflection).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(BenchRequest))]
[JsonSerializable(typeof(BenchReport))]
[JsonSerializable(typeof(SoakRequest))]
[JsonSerializable(typeof(SoakResult))]
[JsonSerializable(typeof(StatsRequest))]
[JsonSerializable(typeof(StatsResult))]
[JsonSerializable(typeof(TraceRequest))]
[JsonSerializable(typeof(TraceResult))]
public sealed partial class DiagnosticsJsonContext : JsonSerializerContext;
