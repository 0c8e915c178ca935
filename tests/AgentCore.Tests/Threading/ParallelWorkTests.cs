using AgentCore.Threading;

namespace AgentCore.Tests.Threading;

public sealed class ParallelWorkTests
{
    [Fact]
    public void For_EveryIndexOnce()
    {
        int[] hits = new int[10_000];
        Assert.Null(ParallelWork.For(0, hits.Length, i => Interlocked.Increment(ref hits[i])));
        Assert.All(hits, h => Assert.Equal(1, h));
    }

    [Fact]
    public void For_BodyThrows_ReturnsTheFirstFailureAndSkipsTheRest()
    {
        int ran = 0;
        Exception? e = ParallelWork.For(0, 1_000_000, i =>
        {
            Interlocked.Increment(ref ran);
            if (i == 10)
            {
                throw new InvalidDataException("ten");
            }
        });
        Assert.Equal("ten", Assert.IsType<InvalidDataException>(e).Message);
        Assert.True(Volatile.Read(ref ran) < 1_000_000);
    }

    [Fact]
    public void For_Cancelled_ReturnsOperationCanceled()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        int ran = 0;
        Assert.IsType<OperationCanceledException>(ParallelWork.For(0, 100, _ => Interlocked.Increment(ref ran), cancel.Token));
        Assert.Equal(0, ran);
    }

    [Fact]
    public void Drain_ItemsAddingItems_VisitsTheWholeTreeOnce()
    {
        // A complete binary tree of depth 12 discovered node by node, as a walker discovers subdirectories.
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        Exception? e = ParallelWork.Drain([1], (node, add) =>
        {
            seen.AddOrUpdate(node, 1, (_, n) => n + 1);
            if (node < 1 << 12)
            {
                add(2 * node);
                add((2 * node) + 1);
            }
        });
        Assert.Null(e);
        Assert.Equal((1 << 13) - 1, seen.Count);
        Assert.All(seen.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public void Drain_EmptySeed_ReturnsAtOnce() => Assert.Null(ParallelWork.Drain(Array.Empty<int>(), (_, _) => throw new InvalidOperationException()));

    [Fact]
    public void Drain_BodyThrows_StopsAndReturnsIt()
    {
        Exception? e = ParallelWork.Drain([1], (node, add) =>
        {
            if (node == 100)
            {
                throw new IOException("hundred");
            }

            add(node + 1);
        });
        Assert.Equal("hundred", Assert.IsType<IOException>(e).Message);
    }

    [Fact]
    public void Drain_Cancelled_ReturnsOperationCanceled()
    {
        using var cancel = new CancellationTokenSource();
        Exception? e = ParallelWork.Drain([1], (node, add) =>
        {
            if (node == 50)
            {
                cancel.Cancel();
            }

            add(node + 1);
        }, cancel.Token);
        Assert.IsType<OperationCanceledException>(e);
    }
}
