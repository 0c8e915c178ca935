using System.Text.Json.Serialization;

namespace AgentCore.Tests.Conversations;

[JsonSerializable(typeof(string))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
