using AgentCore.Diagnostics;

namespace AgentCore.Tests.Diagnostics;

[Collection(ProfilerCollection.Name)]
public sealed class MetricsTests
{
    [Fact]
    public void Collector_Operations_CountsBytesAndDurations()
    {
        using var collector = new MetricsCollector();
        for (int i = 0; i < 10; i++)
        {
            using OperationScope op = OperationMetrics.Begin("test.metrics", bytes: 100);
        }

        OperationStats stats = collector.Snapshot().Single(s => s.Operation == "test.metrics");
        Assert.Equal(10, stats.Count);
        Assert.Equal(1000, stats.Bytes);
        Assert.Equal(0, stats.Failures);
        Assert.True(stats.MaxMs >= stats.P50Ms && stats.P99Ms <= stats.MaxMs);
    }

    [Fact]
    public void SlowOperation_OverThreshold_OneStructuredLineRateLimited()
    {
        using var warnings = new CapturedWarnings();
        long before = SlowOperationWarnings.Total;
        long ticks = System.Diagnostics.Stopwatch.Frequency / 4; // 250 ms
        OperationMetrics.Record("test.slow", 0, ticks);
        OperationMetrics.Record("test.slow", 0, ticks);
        OperationMetrics.Record("test.fast", 0, ticks / 1000);
        Assert.Equal(before + 2, SlowOperationWarnings.Total);
        string[] lines = warnings.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // The second slow operation falls within the rate limit's interval (unless the first line was the only
        // one in this second and the clock just rolled over, which a 1 s interval makes vanishingly rare).
        string line = Assert.Single(lines);
        using var doc = System.Text.Json.JsonDocument.Parse(line);
        Assert.Equal("slow_operation", doc.RootElement.GetProperty("event").GetString());
        Assert.Equal("test.slow", doc.RootElement.GetProperty("operation").GetString());
        Assert.Equal(250.0, doc.RootElement.GetProperty("durationMs").GetDouble(), 0.5);
    }

    [Fact]
    public void SlowOperation_AfterInterval_NextLineCountsTheSuppressed()
    {
        using var warnings = new CapturedWarnings();
        long ticks = System.Diagnostics.Stopwatch.Frequency / 5; // 200 ms
        for (int i = 0; i < 4; i++)
        {
            OperationMetrics.Record("test.flood", 0, ticks);
        }

        Thread.Sleep(SlowOperationWarnings.MinInterval + TimeSpan.FromMilliseconds(50));
        OperationMetrics.Record("test.after", 0, ticks);
        string[] lines = warnings.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = System.Text.Json.JsonDocument.Parse(lines[0]);
        Assert.False(first.RootElement.TryGetProperty("suppressed", out _));
        using var second = System.Text.Json.JsonDocument.Parse(lines[1]);
        Assert.Equal("test.after", second.RootElement.GetProperty("operation").GetString());
        Assert.Equal(3, second.RootElement.GetProperty("suppressed").GetInt64());
    }

    [Fact]
    public void MemoryFigures_Capture_PlausibleValues()
    {
        MemoryFigures m = MemoryFigures.Capture();
        Assert.True(m.RssBytes > 1_000_000);
        Assert.True(m.PeakRssBytes >= m.RssBytes);
        Assert.True(m.GcHeapBytes > 0 && m.AllocatedBytes >= m.GcHeapBytes / 2);
        Assert.True(m.Threads >= 1);
        Assert.True(m.Handles >= 3);
    }

    /// <summary>Routes the slow-operation warnings to a string, enabled, rate limit reset; puts the settings back on dispose.</summary>
    private sealed class CapturedWarnings : IDisposable
    {
        private readonly StringWriter _output = new();
        private readonly TextWriter? _previousOutput = SlowOperationWarnings.Output;
        private readonly bool _previousEnabled = SlowOperationWarnings.Enabled;

        public CapturedWarnings()
        {
            SlowOperationWarnings.Output = _output;
            SlowOperationWarnings.Enabled = true;
            SlowOperationWarnings.ResetRateLimit();
        }

        public string Text => _output.ToString();

        public void Dispose()
        {
            SlowOperationWarnings.Output = _previousOutput;
            SlowOperationWarnings.Enabled = _previousEnabled;
        }
    }
}
