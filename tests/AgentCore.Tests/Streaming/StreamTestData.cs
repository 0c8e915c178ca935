using System.Text;
using System.Text.Json;
using AgentCore.Streaming;

namespace AgentCore.Tests.Streaming;

/// <summary>Fixture access and decoding helpers for the streaming tests.</summary>
internal static class StreamTestData
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "TestData", "Streaming");

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

    public static byte[] StreamBytes(string provider, string scenario) =>
        File.ReadAllBytes(Path.Combine(Root, provider, scenario, provider == "ollama" ? "stream.ndjson" : "stream.sse"));

    public static JsonElement Expected(string provider, string scenario) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Root, provider, scenario, "expected.json"))).RootElement;

    public static StreamFormat Format(string provider)
    {
        Assert.True(StreamFormats.TryParse(provider, out StreamFormat f));
        return f;
    }

    /// <summary>Decodes <paramref name="bytes"/> fed in the pieces between the given cut positions.</summary>
    public static List<StreamChunkRecord> Decode(StreamFormat format, ReadOnlySpan<byte> bytes, IEnumerable<int>? cuts = null, StreamDecoderOptions? options = null)
    {
        var sink = new ChunkCollector();
        using StreamDecoder decoder = StreamDecoder.Create(format, sink, options);
        int start = 0;
        int length = bytes.Length;
        foreach (int cut in (cuts ?? []).Where(c => c > 0 && c < length).Distinct().Order())
        {
            decoder.Push(bytes[start..cut]);
            start = cut;
        }

        decoder.Push(bytes[start..]);
        decoder.Complete();
        return sink.Chunks;
    }

    public static List<StreamChunkRecord> Decode(StreamFormat format, string body, IEnumerable<int>? cuts = null, StreamDecoderOptions? options = null) =>
        Decode(format, Encoding.UTF8.GetBytes(body), cuts, options);

    /// <summary>Every position: one byte per read.</summary>
    public static IEnumerable<int> EveryByte(int length) => Enumerable.Range(1, Math.Max(0, length - 1));

    /// <summary>Cuts inside every UTF-8 sequence, every \uXXXX escape, every "data:" prefix and every CR LF pair.</summary>
    public static IEnumerable<int> AwkwardCuts(byte[] bytes)
    {
        for (int i = 1; i < bytes.Length; i++)
        {
            if ((bytes[i] & 0xC0) == 0x80)
            {
                yield return i;
            }

            if (bytes[i - 1] == (byte)'\\' && bytes[i] == (byte)'u')
            {
                for (int k = 0; k <= 5; k++)
                {
                    yield return i + k - 1;
                }
            }

            if (bytes[i - 1] == (byte)'\r' && bytes[i] == (byte)'\n')
            {
                yield return i;
            }

            if (bytes[i] == (byte)'a' && i >= 1 && bytes[i - 1] == (byte)'d' && i + 3 < bytes.Length && bytes[i + 3] == (byte)':')
            {
                for (int k = 0; k <= 4; k++)
                {
                    yield return i + k - 1;
                }
            }
        }
    }

    public static string Text(IEnumerable<StreamChunkRecord> chunks, StreamChunkType type) =>
        string.Concat(chunks.Where(c => c.Type == type).Select(c => c.Text));
}
