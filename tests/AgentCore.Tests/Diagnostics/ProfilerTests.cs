using System.Text.Json;
using AgentCore.Diagnostics;
using AgentCore.Tokenization;

namespace AgentCore.Tests.Diagnostics;

[Collection(ProfilerCollection.Name)]
public sealed class ProfilerTests
{
    [Fact]
    public void Scope_Off_RecordsNothingAndAllocatesNothing()
    {
        Assert.False(Profiler.IsEnabled);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            using ProfileScope scope = Profiler.Scope("test.off");
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void StopAndWrite_NestedScopes_ValidChromeTraceWithCompleteEvents()
    {
        Profiler.Start();
        using (Profiler.Scope("test.outer"))
        {
            using (Profiler.Scope("test.inner"))
            {
                Tokenizer.O200kBase.CountTokens("Hello, world!");
            }
        }

        JsonElement root = WriteAndParse(out TraceWriteResult written);
        Assert.Equal(0, written.Dropped);
        List<JsonElement> events = [.. root.GetProperty("traceEvents").EnumerateArray()];
        JsonElement outer = events.Single(e => e.GetProperty("name").GetString() == "test.outer");
        JsonElement inner = events.Single(e => e.GetProperty("name").GetString() == "test.inner");
        JsonElement count = events.Single(e => e.GetProperty("name").GetString() == "tokens.count");
        foreach (JsonElement e in new[] { outer, inner, count })
        {
            Assert.Equal("X", e.GetProperty("ph").GetString());
            Assert.Equal(Environment.ProcessId, e.GetProperty("pid").GetInt32());
            Assert.Equal(Environment.CurrentManagedThreadId, e.GetProperty("tid").GetInt32());
            Assert.True(e.GetProperty("dur").GetDouble() >= 0);
        }

        // Nesting: the inner span lies within the outer one on the same track.
        double os = outer.GetProperty("ts").GetDouble(), od = outer.GetProperty("dur").GetDouble();
        double ins = inner.GetProperty("ts").GetDouble(), ind = inner.GetProperty("dur").GetDouble();
        Assert.True(ins >= os && ins + ind <= os + od + 0.002, $"inner {ins}+{ind} not within outer {os}+{od}");
        Assert.Contains(events, e => e.GetProperty("ph").GetString() == "M" && e.GetProperty("name").GetString() == "thread_name"
            && e.GetProperty("tid").GetInt32() == Environment.CurrentManagedThreadId);
    }

    [Fact]
    public async Task Scope_OtherThreadsAndAsync_OwnTracks()
    {
        Profiler.Start();
        var thread = new Thread(() =>
        {
            using ProfileScope scope = Profiler.Scope("test.thread");
        })
        { Name = "worker-x" };
        thread.Start();
        thread.Join();
        await RunAsync();

        JsonElement root = WriteAndParse(out _);
        List<JsonElement> events = [.. root.GetProperty("traceEvents").EnumerateArray()];
        JsonElement onThread = events.Single(e => e.GetProperty("name").GetString() == "test.thread");
        int tid = onThread.GetProperty("tid").GetInt32();
        Assert.NotEqual(Environment.CurrentManagedThreadId, tid);
        Assert.Contains(events, e => e.GetProperty("ph").GetString() == "M" && e.GetProperty("tid").GetInt32() == tid
            && e.GetProperty("args").GetProperty("name").GetString() == "worker-x");

        JsonElement async = events.Single(e => e.GetProperty("name").GetString() == "test.async");
        int asyncTrack = async.GetProperty("tid").GetInt32();
        Assert.True(asyncTrack >= Profiler.AsyncTrackBase);
        Assert.Contains(events, e => e.GetProperty("ph").GetString() == "M" && e.GetProperty("tid").GetInt32() == asyncTrack
            && e.GetProperty("args").GetProperty("name").GetString() == "async: test.async");

        static async Task RunAsync()
        {
            using ProfileScope scope = Profiler.AsyncScope("test.async");
            await Task.Delay(1).ConfigureAwait(false);
        }
    }

    [Fact]
    public void Start_SmallCapacity_DropsAndCountsBeyondIt()
    {
        Profiler.Start(capacity: 10);
        for (int i = 0; i < 25; i++)
        {
            using ProfileScope scope = Profiler.Scope("test.many");
        }

        JsonElement root = WriteAndParse(out TraceWriteResult written);
        Assert.Equal(10, written.Events);
        Assert.Equal(15, written.Dropped);
        Assert.Equal(15, root.GetProperty("otherData").GetProperty("droppedEvents").GetInt64());
        Assert.Equal(10, root.GetProperty("traceEvents").EnumerateArray().Count(e => e.GetProperty("ph").GetString() == "X"));
    }

    [Fact]
    public void TraceBuffer_ConcurrentWriters_KeepsExactlyCapacity()
    {
        var buffer = new TraceBuffer(5000);
        Parallel.For(0, 8, _ =>
        {
            for (int i = 0; i < 1000; i++)
            {
                buffer.Add(new TraceEvent("x", 1, i, 1));
            }
        });
        var events = new List<TraceEvent>();
        buffer.CopyTo(events);
        Assert.Equal(5000, events.Count);
        Assert.Equal(3000, buffer.Dropped);
    }

    private static JsonElement WriteAndParse(out TraceWriteResult written)
    {
        using var stream = new MemoryStream();
        written = Profiler.StopAndWrite(stream);
        Assert.False(Profiler.IsEnabled);
        return JsonDocument.Parse(stream.ToArray()).RootElement.Clone();
    }
}
