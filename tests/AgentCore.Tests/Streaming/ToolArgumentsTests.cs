using AgentCore.Streaming;

namespace AgentCore.Tests.Streaming;

// Gemini and Ollama send tool arguments as JSON objects; the extension turns them into the string
// JSON.stringify(args). Expected strings were printed by Node.js 20 on the same objects.
public sealed class ToolArgumentsTests
{
    [Fact]
    public void Gemini_ArgumentsWithIndexKeysAndDeepNesting_StringifiedAsJavaScriptDoes()
    {
        string deep = string.Concat(Enumerable.Repeat("{\"k\":", 100)) + "1" + new string('}', 100);
        string body = "data: {\"candidates\": [{\"content\": {\"parts\": [{\"functionCall\": {\"name\": \"f\", \"args\": " +
            "{\"b\": 1, \"1\": 2, \"deep\": " + deep + "}}}], \"role\": \"model\"}, \"finishReason\": \"STOP\", \"index\": 0}]}\r\n\r\n";

        List<StreamChunkRecord> chunks = StreamTestData.Decode(StreamFormat.Gemini, body);

        StreamChunkRecord call = Assert.Single(chunks, c => c.Type == StreamChunkType.ToolCallPartial);
        Assert.Equal("{\"1\":2,\"b\":1,\"deep\":" + deep + "}", call.Arguments);
        Assert.DoesNotContain(chunks, c => c.Type == StreamChunkType.Error);
    }

    [Fact]
    public void Ollama_ArgumentsWithRepeatedKey_LastValueAtFirstPosition()
    {
        string body = "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"function\":" +
            "{\"name\":\"f\",\"arguments\":{\"a\":1,\"z\":2,\"a\":3}}}]},\"done\":false}\n" +
            "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\"}\n";

        List<StreamChunkRecord> chunks = StreamTestData.Decode(StreamFormat.Ollama, body);

        StreamChunkRecord call = Assert.Single(chunks, c => c.Type == StreamChunkType.ToolCallPartial);
        Assert.Equal("{\"a\":3,\"z\":2}", call.Arguments);
    }
}
