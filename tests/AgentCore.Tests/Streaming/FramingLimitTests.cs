using System.Text;
using AgentCore.Streaming;

namespace AgentCore.Tests.Streaming;

/// <summary>The cap of one SSE/NDJSON line and event: past it the stream ends with <c>event_too_large</c>, buffers stay at the cap.</summary>
public sealed class FramingLimitTests
{
    private sealed class Counter : ISseEventHandler, INdjsonLineHandler
    {
        public List<string> Items { get; } = [];

        public void OnEvent(in SseEvent e) => Items.Add(e.GetDataString());

        public void OnLine(ReadOnlySpan<byte> line) => Items.Add(Encoding.UTF8.GetString(line));
    }

    public static TheoryData<int> ReadSizes => new() { 1, 3, 64, 100_000 };

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public void SseParser_LineAtTheCap_Accepted_OneByteMore_OverLimit(int readSize)
    {
        // "data: " + 94 bytes = a line of 100 bytes, the cap.
        string atCap = "data: " + new string('x', 94) + "\n\n";
        string over = "data: " + new string('x', 95) + "\n\n";
        var handler = new Counter();
        using (var parser = new SseParser(100))
        {
            Feed(Encoding.UTF8.GetBytes(atCap), readSize, b => parser.Parse(b, handler));
            Assert.False(parser.IsOverLimit);
        }

        Assert.Single(handler.Items);
        using var parser2 = new SseParser(100);
        Feed(Encoding.UTF8.GetBytes(over + "data: after\n\n"), readSize, b => parser2.Parse(b, handler));
        Assert.True(parser2.IsOverLimit);
        Assert.Single(handler.Items);
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public void SseParser_ManyShortDataLinesPastTheCap_OverLimit(int readSize)
    {
        var text = new StringBuilder();
        for (int i = 0; i < 30; i++)
        {
            text.Append("data: 0123456789\n");
        }

        var handler = new Counter();
        using var parser = new SseParser(200);
        Feed(Encoding.UTF8.GetBytes(text.Append('\n').ToString()), readSize, b => parser.Parse(b, handler));
        Assert.True(parser.IsOverLimit);
        Assert.Empty(handler.Items);
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public void NdjsonParser_LineAtTheCap_Accepted_OneByteMore_OverLimit(int readSize)
    {
        var handler = new Counter();
        using (var parser = new NdjsonParser(10))
        {
            Feed("0123456789\n"u8.ToArray(), readSize, b => parser.Parse(b, handler));
            Assert.False(parser.IsOverLimit);
        }

        using var parser2 = new NdjsonParser(10);
        Feed("0123456789A\n{}\n"u8.ToArray(), readSize, b => parser2.Parse(b, handler));
        Assert.True(parser2.IsOverLimit);
        Assert.Equal(["0123456789"], handler.Items);
    }

    [Theory]
    [InlineData(StreamFormat.OpenAiChat)]
    [InlineData(StreamFormat.OpenAiResponses)]
    [InlineData(StreamFormat.Anthropic)]
    [InlineData(StreamFormat.Gemini)]
    [InlineData(StreamFormat.Ollama)]
    public void Decoder_EndlessZeroBytes_EventTooLargeNamingTheLimit(StreamFormat format)
    {
        var sink = new ChunkCollector();
        using var decoder = StreamDecoder.Create(format, sink, new StreamDecoderOptions { MaxEventBytes = 1 << 16 });
        byte[] zeros = new byte[4096];
        int pushes = 0;
        while (!decoder.IsEnded && pushes < 1000)
        {
            decoder.Push(zeros);
            pushes++;
        }

        Assert.True(decoder.IsEnded);
        Assert.True(pushes <= 17, $"{pushes} pushes of 4 KB to pass a 64 KB cap");
        StreamChunkRecord error = Assert.Single(sink.Chunks);
        Assert.Equal("event_too_large", error.Error);
        Assert.Contains("65536 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DecoderOptions_DefaultCap_32MiB()
    {
        Assert.Equal(32 * 1024 * 1024, StreamDecoderOptions.Default.MaxEventBytes);
    }

    private static void Feed(byte[] bytes, int readSize, Action<byte[]> push)
    {
        for (int i = 0; i < bytes.Length; i += readSize)
        {
            push(bytes.AsSpan(i, Math.Min(readSize, bytes.Length - i)).ToArray());
        }
    }
}
