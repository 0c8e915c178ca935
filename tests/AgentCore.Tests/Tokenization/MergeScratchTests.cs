using AgentCore.Tokenization;

namespace AgentCore.Tests.Tokenization;

public sealed class MergeScratchTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(33)]
    [InlineData(5000)]
    public void TakeLowestBucket_ShuffledPositions_AscendingByRank(int count)
    {
        var random = new Random(count);
        MergeScratch scratch = MergeScratch.For(200_000, 100_000);
        int[] positions = Enumerable.Range(0, count).Select(i => i * 3).OrderBy(_ => random.Next()).ToArray();
        foreach (int p in positions)
        {
            scratch.Insert(150_000, p);
            scratch.Insert(7, p + 1);
        }

        Assert.Equal(7, scratch.TakeLowestBucket(out Span<int> low));
        Assert.Equal(positions.Select(p => p + 1).Order().ToArray(), low.ToArray());
        Assert.Equal(150_000, scratch.TakeLowestBucket(out Span<int> high));
        Assert.Equal(positions.Order().ToArray(), high.ToArray());
        Assert.Equal(-1, scratch.TakeLowestBucket(out _));
    }
}
