using AgentCore.Caching;

namespace AgentCore.Tests.Caching;

public sealed class FileContentCacheTests
{
    [Fact]
    public void Set_OverBudget_EvictsLeastRecentlyUsed()
    {
        var cache = new FileContentCache(3 * (100 + FileContentCache.EntryOverhead));
        var a = new FileCacheKey("/a", 100, 1);
        var b = new FileCacheKey("/b", 100, 1);
        var c = new FileCacheKey("/c", 100, 1);
        var d = new FileCacheKey("/d", 100, 1);
        Assert.True(cache.Set(a, new CachedFile(new byte[100])));
        Assert.True(cache.Set(b, new CachedFile(new byte[100])));
        Assert.True(cache.Set(c, new CachedFile(new byte[100])));
        Assert.NotNull(cache.TryGet(a));
        Assert.True(cache.Set(d, new CachedFile(new byte[100])));
        Assert.Equal(1, cache.Evictions);
        Assert.Equal(cache.BudgetBytes, cache.UsedBytes);
        Assert.True(cache.Count is 3);
        Assert.NotNull(cache.TryGet(a));
        Assert.Null(cache.TryGet(new FileCacheKey("/a", 100, 2))); // a newer mtime is another key
        Assert.Equal(2, cache.Hits);
        Assert.Equal(1, cache.Misses);
        Assert.False(cache.Set(new FileCacheKey("/big", 10_000, 1), new CachedFile(new byte[10_000])));
    }

    [Fact]
    public async Task Set_Concurrent_BudgetNeverExceeded()
    {
        const long budget = 64 * 1024;
        var cache = new FileContentCache(budget);
        long maxSeen = 0;
        using var stop = new CancellationTokenSource();
        Task watcher = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                long u = cache.UsedBytes;
                if (u > Interlocked.Read(ref maxSeen))
                {
                    Interlocked.Exchange(ref maxSeen, u);
                }
            }
        });
        Parallel.For(0, 8, t =>
        {
            var rnd = new Random(t);
            for (int i = 0; i < 20_000; i++)
            {
                var key = new FileCacheKey("/f" + rnd.Next(500), 1, 1);
                if (cache.TryGet(key) is null)
                {
                    cache.Set(key, new CachedFile(new byte[rnd.Next(0, 4096)]));
                }

                Assert.True(cache.UsedBytes <= budget);
            }
        });
        await stop.CancelAsync();
        await watcher;
        Assert.True(maxSeen <= budget, $"used {maxSeen} > budget {budget}");
        Assert.True(cache.Hits + cache.Misses >= 160_000);
    }
}
