using System.Text.Json;

namespace AgentCore.Host.Tests.Cli;

public sealed class StreamVerbTests
{
    private static string Fixture(string provider, string scenario) =>
        Path.Combine(AgentCoreProcess.RepositoryRoot, "tests", "AgentCore.Tests", "TestData", "Streaming", provider, scenario, provider == "ollama" ? "stream.ndjson" : "stream.sse");

    public static IEnumerable<object[]> Fixtures()
    {
        foreach (string provider in new[] { "openai-chat", "openai-responses", "anthropic", "gemini", "ollama" })
        {
            foreach (string scenario in new[] { "plain-text", "reasoning", "parallel-tools" })
            {
                yield return [provider, scenario];
            }
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Stream_Fixture_PrintsChunkLinesWithExpectedText(string provider, string scenario)
    {
        ProcessResult r = AgentCoreProcess.Run(["stream", "--format", provider, Fixture(provider, scenario)]);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.StdErr);
        using JsonDocument expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(Fixture(provider, scenario))!, "expected.json")));
        string text = "";
        string reasoning = "";
        long input = 0;
        long output = 0;
        foreach (string line in r.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using JsonDocument chunk = JsonDocument.Parse(line);
            JsonElement c = chunk.RootElement;
            switch (c.GetProperty("type").GetString())
            {
                case "text": text += c.GetProperty("text").GetString(); break;
                case "reasoning": reasoning += c.GetProperty("text").GetString(); break;
                case "usage":
                    input += c.GetProperty("inputTokens").GetInt64();
                    output += c.GetProperty("outputTokens").GetInt64();
                    break;
            }
        }

        string expectedText = expected.RootElement.GetProperty("text").GetString()!;
        if (provider == "anthropic" && scenario == "reasoning")
        {
            expectedText = "\n" + expectedText; // the extension's block separator
        }

        Assert.Equal(expectedText, text);
        Assert.Equal(expected.RootElement.GetProperty("reasoning").GetString(), reasoning);
        JsonElement usage = expected.RootElement.GetProperty("usage");
        if (usage.ValueKind != JsonValueKind.Null)
        {
            Assert.Equal(usage.GetProperty("input_tokens").GetInt64(), input);
            Assert.Equal(usage.GetProperty("output_tokens").GetInt64(), output);
        }
    }

    [Fact]
    public void Stream_AnthropicFromStdin_ExactLines()
    {
        string body =
            "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"model\":\"claude-3-5-sonnet-20241022\",\"usage\":{\"input_tokens\":100,\"output_tokens\":50,\"cache_creation_input_tokens\":20,\"cache_read_input_tokens\":10}}}\n\n" +
            "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"Hello\"}}\n\n" +
            "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\" w\\u00f6rld \\ud83d\\ude00\\n\"}}\n\n" +
            "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
        ProcessResult r = AgentCoreProcess.Run(["stream", "--format", "anthropic", "-"], body);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(
            "{\"type\":\"usage\",\"inputTokens\":100,\"outputTokens\":50,\"cacheWriteTokens\":20,\"cacheReadTokens\":10}\n" +
            "{\"type\":\"text\",\"text\":\"Hello\"}\n" +
            "{\"type\":\"text\",\"text\":\" wörld 😀\\n\"}\n" +
            "{\"type\":\"usage\",\"inputTokens\":0,\"outputTokens\":0,\"totalCost\":0.001128}\n",
            r.StdOut);
    }

    [Fact]
    public void Stream_MidStreamError_PrintsErrorChunkAndExits1()
    {
        string body = "data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}\n\ndata: {\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}\n\n";
        ProcessResult r = AgentCoreProcess.Run(["stream", "--format", "openai-chat"], body);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("{\"type\":\"text\",\"text\":\"Hi\"}\n{\"type\":\"error\",\"error\":\"server_error\",\"message\":\"The server had an error\"}\n", r.StdOut);
        Assert.Contains("The server had an error", r.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Stream_MissingDone_ErrorChunkStreamIncomplete()
    {
        ProcessResult r = AgentCoreProcess.Run(["stream", "--format", "openai-chat"], "data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}\n\n");
        Assert.Equal(1, r.ExitCode);
        Assert.EndsWith("{\"type\":\"error\",\"error\":\"stream_incomplete\",\"message\":\"the openai-chat stream ended before data: [DONE]: the response is incomplete\"}\n", r.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Stream_Fixes_CorrectedAnthropicCost()
    {
        string body =
            "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"model\":\"claude-sonnet-4-5-20250929\",\"usage\":{\"input_tokens\":1000,\"output_tokens\":1}}}\n\n" +
            "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":500}}\n\n" +
            "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
        ProcessResult reference = AgentCoreProcess.Run(["stream", "--format", "anthropic"], body);
        ProcessResult fixes = AgentCoreProcess.Run(["stream", "--format", "anthropic", "--fixes"], body);
        Assert.EndsWith("{\"type\":\"usage\",\"inputTokens\":0,\"outputTokens\":0,\"totalCost\":0.003015}\n", reference.StdOut, StringComparison.Ordinal);
        Assert.EndsWith("{\"type\":\"usage\",\"inputTokens\":0,\"outputTokens\":0,\"totalCost\":0.0105}\n", fixes.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stream")]
    [InlineData("stream --format nope")]
    [InlineData("stream --format gemini a b")]
    public void Stream_BadCommandLine_Exit2NothingOnStdout(string commandLine)
    {
        ProcessResult r = AgentCoreProcess.Run(commandLine.Split(' '));
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.StdOut);
        Assert.Single(r.StdErr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Stream_MissingFile_Exit1()
    {
        ProcessResult r = AgentCoreProcess.Run(["stream", "--format", "gemini", "/nonexistent/body.sse"]);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.StdOut);
    }
}
