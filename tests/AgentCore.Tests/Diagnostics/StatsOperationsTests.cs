using System.Text.Json;
using AgentCore.Diagnostics;
using AgentCore.Operations;

namespace AgentCore.Tests.Diagnostics;

[Collection(ProfilerCollection.Name)]
public sealed class StatsOperationsTests
{
    [Fact]
    public async Task GetStatsAsync_AfterAnOperation_ItsRowAndMemory_ResetClears()
    {
        using var collector = new MetricsCollector();
        OperationMetrics.Record("test.statsOperation", 10, System.Diagnostics.Stopwatch.Frequency / 1000);
        StatsResult stats = await StatsOperations.GetStatsAsync(new StatsRequest(Reset: true), collector, CancellationToken.None);
        OperationStats row = Assert.Single(stats.Operations, o => o.Operation == "test.statsOperation");
        Assert.Equal((1L, 10L), (row.Count, row.Bytes));
        Assert.True(stats.Memory.RssBytes > 0 && stats.Memory.PeakRssBytes >= stats.Memory.RssBytes && stats.Memory.AllocatedBytes > 0);
        StatsResult after = await StatsOperations.GetStatsAsync(new StatsRequest(), collector, CancellationToken.None);
        Assert.DoesNotContain(after.Operations, o => o.Operation == "test.statsOperation");
    }

    [Fact]
    public async Task TraceAsync_StartStopInline_TheScopesAsChromeTrace()
    {
        Assert.True((await StatsOperations.TraceAsync(new TraceRequest(true, Capacity: 100), CancellationToken.None)).Recording);
        using (Profiler.Scope("test.traced"))
        {
        }

        TraceResult stopped = await StatsOperations.TraceAsync(new TraceRequest(false), CancellationToken.None);
        Assert.False(stopped.Recording);
        Assert.Equal(1, stopped.Events);
        Assert.Contains(stopped.Trace!.Value.GetProperty("traceEvents").EnumerateArray(), e => e.GetProperty("name").GetString() == "test.traced");
    }

    [Fact]
    public async Task TraceAsync_StopToUnwritablePath_FailsAndKeepsRecording_ThenWrites()
    {
        string dir = Directory.CreateTempSubdirectory("agentcore-trace-").FullName;
        try
        {
            await StatsOperations.TraceAsync(new TraceRequest(true), CancellationToken.None);
            OperationException e = await Assert.ThrowsAsync<OperationException>(() =>
                StatsOperations.TraceAsync(new TraceRequest(false, Path.Combine(dir, "missing", "t.json")), CancellationToken.None));
            Assert.Equal(ErrorCodes.NotFound, e.Error.Code);
            Assert.True(Profiler.IsEnabled);
            string path = Path.Combine(dir, "t.json");
            TraceResult written = await StatsOperations.TraceAsync(new TraceRequest(false, path), CancellationToken.None);
            Assert.Equal(path, written.Path);
            using JsonDocument trace = JsonDocument.Parse(await File.ReadAllBytesAsync(path));
            Assert.Equal(JsonValueKind.Array, trace.RootElement.GetProperty("traceEvents").ValueKind);
        }
        finally
        {
            if (Profiler.IsEnabled)
            {
                await StatsOperations.TraceAsync(new TraceRequest(false), CancellationToken.None);
            }

            Directory.Delete(dir, true);
        }
    }

    [Theory]
    [InlineData(true, "x", 10, "path")]
    [InlineData(true, null, 0, "capacity")]
    [InlineData(true, null, Profiler.DefaultCapacity + 1, "capacity")]
    [InlineData(false, null, 10, "enabled")]
    public async Task TraceAsync_BadRequest_InvalidArgumentNamingTheField(bool enabled, string? path, int capacity, string field)
    {
        OperationException e = await Assert.ThrowsAsync<OperationException>(() => StatsOperations.TraceAsync(new TraceRequest(enabled, path, capacity), CancellationToken.None));
        Assert.Equal((ErrorCodes.InvalidArgument, field), (e.Error.Code, e.Error.Target));
    }
}
