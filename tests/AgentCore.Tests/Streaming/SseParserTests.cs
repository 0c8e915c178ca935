using System.Text;
using System.Text.Json;
using AgentCore.Streaming;

namespace AgentCore.Tests.Streaming;

/// <summary>The WHATWG conformance cases of sse-spec-cases.json, fed whole, one byte per read and at their read boundaries.</summary>
public sealed class SseParserTests
{
    private static readonly JsonElement s_cases =
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(StreamTestData.Root, "sse-spec-cases.json"))).RootElement.GetProperty("cases");

    public static IEnumerable<object[]> CaseNames() => s_cases.EnumerateArray().Select(c => new object[] { c.GetProperty("name").GetString()! });

    private sealed record Event(string Type, string Data, string? Id, string LastEventId);

    private sealed class Collector : ISseEventHandler
    {
        public List<Event> Events { get; } = [];

        public void OnEvent(in SseEvent e) =>
            Events.Add(new Event(e.GetEventTypeString(), e.GetDataString(), e.HasId ? Encoding.UTF8.GetString(e.LastEventId) : null, Encoding.UTF8.GetString(e.LastEventId)));
    }

    [Fact]
    public void Cases_AllPresent()
    {
        Assert.Equal(53, s_cases.GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Parse_WholeOneByteAndReadBoundaries_MatchExpectedEvents(string name)
    {
        JsonElement c = s_cases.EnumerateArray().Single(x => x.GetProperty("name").GetString() == name);
        byte[] input = Convert.FromBase64String(c.GetProperty("input_base64").GetString()!);
        var expected = c.GetProperty("expected_events").EnumerateArray()
            .Select(e => new Event(
                e.GetProperty("type").GetString()!,
                e.GetProperty("data").GetString()!,
                e.GetProperty("id").ValueKind == JsonValueKind.Null ? null : e.GetProperty("id").GetString(),
                e.GetProperty("last_event_id").GetString()!))
            .ToList();
        string expectedLastId = c.GetProperty("expected_last_event_id").GetString()!;
        long? expectedRetry = c.GetProperty("expected_retry_ms").ValueKind == JsonValueKind.Null ? null : c.GetProperty("expected_retry_ms").GetInt64();

        var splits = new List<int[]> { Array.Empty<int>(), StreamTestData.EveryByte(input.Length).ToArray() };
        if (c.GetProperty("read_boundaries").ValueKind == JsonValueKind.Array)
        {
            splits.Add(c.GetProperty("read_boundaries").EnumerateArray().Select(b => b.GetInt32()).ToArray());
        }

        foreach (int[] cuts in splits)
        {
            var collector = new Collector();
            using var parser = new SseParser();
            int start = 0;
            foreach (int cut in cuts)
            {
                parser.Parse(input.AsSpan(start, cut - start), collector);
                start = cut;
            }

            parser.Parse(input.AsSpan(start), collector);
            Assert.Equal(expected, collector.Events);
            Assert.Equal(expectedLastId, Encoding.UTF8.GetString(parser.LastEventId));
            Assert.Equal(expectedRetry, parser.RetryMilliseconds);
        }
    }

    [Theory]
    [InlineData("data: a\n\ndata: b\n", true)]
    [InlineData("data: a\n\ndata: b", true)]
    [InlineData("data: a\n\n", false)]
    [InlineData("data: a\r", true)]
    public void HasPendingEvent_AtEndOfInput_TellsTruncation(string input, bool pending)
    {
        using var parser = new SseParser();
        parser.Parse(Encoding.UTF8.GetBytes(input), new Collector());
        Assert.Equal(pending, parser.HasPendingEvent);
    }

    [Fact]
    public void Parse_ManyEvents_NoAllocationPerEvent()
    {
        byte[] one = "data: {\"choices\":[{\"delta\":{\"content\":\"hi\"}}]}\n\n"u8.ToArray();
        byte[] input = Enumerable.Repeat(one, 1000).SelectMany(b => b).ToArray();
        var handler = new CountingHandler();
        using var parser = new SseParser();
        parser.Parse(input, handler); // warm up
        long before = GC.GetAllocatedBytesForCurrentThread();
        parser.Parse(input, handler);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(2000, handler.Count);
        Assert.True(allocated < 1000, $"{allocated} bytes allocated for 1000 events");
    }

    private sealed class CountingHandler : ISseEventHandler
    {
        public int Count { get; private set; }

        public void OnEvent(in SseEvent e) => Count++;
    }
}
