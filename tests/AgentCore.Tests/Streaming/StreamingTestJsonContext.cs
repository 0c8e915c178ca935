using System.Text.Json.Serialization;

namespace AgentCore.Tests.Streaming;

[JsonSerializable(typeof(string))]
internal sealed partial class StreamingTestJsonContext : JsonSerializerContext;
