using System.Text.Json;
using System.Text.Json.Nodes;
using AgentCore.Streaming;

namespace AgentCore.Tests.Streaming;

/// <summary>Every shared sample decodes to its expected.json, whatever the read boundaries.</summary>
public sealed class FixtureDecodeTests
{
    public static IEnumerable<object[]> Fixtures() => StreamTestData.Fixtures();

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Decode_WholeBody_MatchesExpected(string provider, string scenario)
    {
        byte[] bytes = StreamTestData.StreamBytes(provider, scenario);
        List<StreamChunkRecord> chunks = StreamTestData.Decode(StreamTestData.Format(provider), bytes);
        AssertMatchesExpected(provider, chunks, StreamTestData.Expected(provider, scenario));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_Bytes_MatchRecordedSha256(string provider, string scenario)
    {
        byte[] bytes = StreamTestData.StreamBytes(provider, scenario);
        JsonElement expected = StreamTestData.Expected(provider, scenario);
        Assert.Equal(expected.GetProperty("bytes").GetInt32(), bytes.Length);
        Assert.Equal(expected.GetProperty("sha256").GetString(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Decode_OneBytePerRead_SameChunksAsWhole(string provider, string scenario)
    {
        byte[] bytes = StreamTestData.StreamBytes(provider, scenario);
        StreamFormat format = StreamTestData.Format(provider);
        List<StreamChunkRecord> whole = StreamTestData.Decode(format, bytes);
        List<StreamChunkRecord> trickled = StreamTestData.Decode(format, bytes, StreamTestData.EveryByte(bytes.Length));
        Assert.Equal(whole, trickled);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Decode_SplitInsideUtf8EscapesPrefixesAndCrLf_SameChunksAsWhole(string provider, string scenario)
    {
        byte[] bytes = StreamTestData.StreamBytes(provider, scenario);
        StreamFormat format = StreamTestData.Format(provider);
        List<int> cuts = StreamTestData.AwkwardCuts(bytes).Append(bytes.Length / 2).ToList();
        List<StreamChunkRecord> whole = StreamTestData.Decode(format, bytes);
        Assert.Equal(whole, StreamTestData.Decode(format, bytes, cuts));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Decode_RandomSplits_SameChunksAsWhole(string provider, string scenario)
    {
        byte[] bytes = StreamTestData.StreamBytes(provider, scenario);
        StreamFormat format = StreamTestData.Format(provider);
        List<StreamChunkRecord> whole = StreamTestData.Decode(format, bytes);
        var random = new Random(provider.Length * 31 + scenario.Length);
        for (int round = 0; round < 20; round++)
        {
            int[] cuts = Enumerable.Range(0, random.Next(1, 40)).Select(_ => random.Next(1, bytes.Length)).ToArray();
            Assert.Equal(whole, StreamTestData.Decode(format, bytes, cuts));
        }
    }

    private static void AssertMatchesExpected(string provider, List<StreamChunkRecord> chunks, JsonElement expected)
    {
        Assert.DoesNotContain(chunks, c => c.Type == StreamChunkType.Error);
        string reasoning = StreamTestData.Text(chunks, StreamChunkType.Reasoning);
        string text = StreamTestData.Text(chunks, StreamChunkType.Text);
        string expectedText = expected.GetProperty("text").GetString()!;
        string expectedReasoning = expected.GetProperty("reasoning").GetString()!;
        if (provider == "anthropic" && expectedReasoning.Length > 0 && expectedText.Length > 0)
        {
            // The extension's separator: a text block after the first (thinking) block starts with "\n".
            expectedText = "\n" + expectedText;
        }

        Assert.Equal(expectedText, text);
        Assert.Equal(expectedReasoning, reasoning);

        // Tool calls: chunks grouped by index, in order of first appearance.
        var calls = chunks.Where(c => c.Type == StreamChunkType.ToolCallPartial)
            .GroupBy(c => c.Index)
            .Select(g => (Id: g.Select(c => c.Id).FirstOrDefault(i => i is not null), Name: g.Select(c => c.Name).FirstOrDefault(n => n is not null), Args: string.Concat(g.Select(c => c.Arguments))))
            .ToList();
        JsonElement expectedCalls = expected.GetProperty("tool_calls");
        Assert.Equal(expectedCalls.GetArrayLength(), calls.Count);
        for (int i = 0; i < calls.Count; i++)
        {
            JsonElement e = expectedCalls[i];
            Assert.Equal(e.GetProperty("id").ValueKind == JsonValueKind.Null ? null : e.GetProperty("id").GetString(), calls[i].Id);
            Assert.Equal(e.GetProperty("name").GetString(), calls[i].Name);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(e.GetProperty("arguments").GetString()!), JsonNode.Parse(calls[i].Args)), calls[i].Args);
            Assert.Equal(e.GetProperty("arguments").GetString(), calls[i].Args);
        }

        List<UsageFigures> usage = chunks.Where(c => c.Type == StreamChunkType.Usage).Select(c => c.Usage!.Value).ToList();
        JsonElement expectedUsage = expected.GetProperty("usage");
        if (expectedUsage.ValueKind == JsonValueKind.Null)
        {
            Assert.Empty(usage);
            return;
        }

        Assert.Equal(expectedUsage.GetProperty("input_tokens").GetInt64(), usage.Sum(u => u.InputTokens));
        Assert.Equal(expectedUsage.GetProperty("output_tokens").GetInt64(), usage.Sum(u => u.OutputTokens));
        Assert.Equal(Number(expectedUsage, "reasoning_tokens"), usage.Sum(u => u.ReasoningTokens ?? 0));
        Assert.Equal(Number(expectedUsage, "cached_input_tokens"), usage.Sum(u => u.CacheReadTokens ?? 0));
        Assert.Equal(Number(expectedUsage, "cache_creation_input_tokens"), usage.Sum(u => u.CacheWriteTokens ?? 0));
    }

    private static long Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : 0;
}
