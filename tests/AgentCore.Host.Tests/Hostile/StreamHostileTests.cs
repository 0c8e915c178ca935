using System.Text;

namespace AgentCore.Host.Tests.Hostile;

/// <summary>Issue 10's rows for <c>agentcore stream</c> and <c>context</c>: endless input, chunks flushed as they arrive.</summary>
[Collection(HostileCollection.Name)]
public sealed class StreamHostileTests
{
    [Theory]
    [InlineData("openai-chat")]
    [InlineData("ollama")]
    [InlineData("anthropic")]
    [InlineData("openai-responses")]
    [InlineData("gemini")]
    public void Stream_DevZero_EventTooLargeWithBoundedMemory(string format)
    {
        // Main grew to 11-17 GB in 40 s and never exited.
        BoundedResult r = BoundedRun.Run(["stream", "--format", format, "/dev/zero"], HostileCollection.CeilingBytes, timeoutMs: 120_000);
        Assert.False(r.KilledForMemory, $"peak RSS {r.PeakMiB:0} MiB");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("event_too_large", r.StdErr, StringComparison.Ordinal);
        Assert.Contains("33554432 bytes", r.StdErr, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"error\",\"error\":\"event_too_large\"", r.StdOut, StringComparison.Ordinal);
        Assert.True(r.PeakRssBytes <= (3L * 32 << 20) + HostileCollection.BaselineBytes, $"peak RSS {r.PeakMiB:0} MiB for a 32 MiB cap");
    }

    [Fact]
    public void Stream_OneEventThenAPause_FirstChunkWrittenBeforeTheNextEvent()
    {
        // Main wrote nothing until the end of input: a pipeline saw the first token only when the stream ended.
        var firstLine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool arrivedBeforeSecondEvent = false;
        BoundedResult r = BoundedRun.Run(
            ["stream", "--format", "openai-chat"],
            HostileCollection.CeilingBytes,
            async (stdin, ct) =>
            {
                await stdin.WriteAsync(Encoding.UTF8.GetBytes("data: {\"choices\":[{\"delta\":{\"content\":\"first\"}}]}\n\n"), ct);
                await stdin.FlushAsync(ct);
                arrivedBeforeSecondEvent = await Task.WhenAny(firstLine.Task, Task.Delay(30_000, ct)) == firstLine.Task;
                await stdin.WriteAsync(Encoding.UTF8.GetBytes("data: {\"choices\":[{\"delta\":{\"content\":\"second\"}}]}\n\ndata: [DONE]\n\n"), ct);
            },
            onStdout: bytes =>
            {
                if (bytes.Span.IndexOf((byte)'\n') >= 0)
                {
                    firstLine.TrySetResult();
                }
            },
            timeoutMs: 120_000);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("{\"type\":\"text\",\"text\":\"first\"}\n{\"type\":\"text\",\"text\":\"second\"}\n", r.StdOut);
        Assert.True(arrivedBeforeSecondEvent, "the first chunk line was not written before the next event arrived");
    }

    [Fact]
    public void Context_EmptyHistoryWithTotalTokensZero_DecisionNoneKeepsEveryIndex()
    {
        string path = Path.Combine(Path.GetTempPath(), $"agentcore-hostile-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "[]");
        try
        {
            ProcessResult r = AgentCoreProcess.Run(["context", "--context-window", "1000", "--total-tokens", "0", path], "");
            Assert.Equal("", r.StdErr);
            Assert.Equal(0, r.ExitCode);
            Assert.Contains("\"decision\":\"none\"", r.StdOut, StringComparison.Ordinal);
            Assert.Contains("\"keptIndices\":[]", r.StdOut, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
