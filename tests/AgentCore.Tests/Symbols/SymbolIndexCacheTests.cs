using AgentCore.Operations;
using AgentCore.Symbols;

namespace AgentCore.Tests.Symbols;

/// <summary>The symbol operations with a <see cref="SymbolIndexCache"/>: the index stays open, refreshes after a change.</summary>
public sealed class SymbolIndexCacheTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("agentcore-cache-").FullName;
    private readonly string _snapshots = Directory.CreateTempSubdirectory("agentcore-cache-snap-").FullName;

    public SymbolIndexCacheTests()
    {
        File.WriteAllText(Path.Combine(_root, "a.py"), "class Alpha:\n    def run(self):\n        return 1\n");
    }

    public void Dispose()
    {
        Directory.Delete(_root, true);
        Directory.Delete(_snapshots, true);
    }

    private SymbolsRequest Query(string query, string? root = null) => new(query, root ?? _root, 10, Path.Combine(_snapshots, Path.GetFileName(root ?? _root) + ".idx"));

    [Fact]
    public async Task FindSymbolsAsync_WithCache_SameMatchesAsWithout()
    {
        using var cache = new SymbolIndexCache();
        SymbolsResult cached = await SymbolIndexOperations.FindSymbolsAsync(Query("alp"), cache, CancellationToken.None);
        SymbolsResult oneShot = await SymbolIndexOperations.FindSymbolsAsync(Query("alp"), CancellationToken.None);
        Assert.Equal(oneShot.Matches, cached.Matches);
        Assert.Equal("Alpha", Assert.Single(cached.Matches).Name);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task IndexAsync_WithCache_RefreshesAndLaterLookupsSeeTheNewFile()
    {
        using var cache = new SymbolIndexCache();
        var request = new IndexRequest(_root, Path.Combine(_snapshots, "i.idx"));
        IndexResult first = await SymbolIndexOperations.IndexAsync(request, cache, CancellationToken.None);
        Assert.Equal(1, first.Statistics.Parsed);
        await File.WriteAllTextAsync(Path.Combine(_root, "b.go"), "package b\n\nfunc Bravo() int {\n\treturn 2\n}\n");
        IndexResult second = await SymbolIndexOperations.IndexAsync(request, cache, CancellationToken.None);
        Assert.Equal((2, 1, 1), (second.Statistics.Files, second.Statistics.Parsed, second.Statistics.Reused));
        SymbolsResult found = await SymbolIndexOperations.FindSymbolsAsync(new SymbolsRequest("Bravo", _root, 5, request.SnapshotPath), cache, CancellationToken.None);
        Assert.Equal("b.go", Assert.Single(found.Matches).Path);
    }

    [Fact]
    public async Task FindSymbolsAsync_MoreRootsThanTheCacheKeeps_LeastRecentlyUsedClosed()
    {
        string other = Directory.CreateTempSubdirectory("agentcore-cache-other-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(other, "o.ts"), "export class Omega {\n    run(): number {\n        return 1;\n    }\n}\n");
            using var cache = new SymbolIndexCache(maxRoots: 1);
            Assert.Single((await SymbolIndexOperations.FindSymbolsAsync(Query("Alpha"), cache, CancellationToken.None)).Matches);
            Assert.Single((await SymbolIndexOperations.FindSymbolsAsync(Query("Omega", other), cache, CancellationToken.None)).Matches);
            Assert.Equal(1, cache.Count);
            Assert.Single((await SymbolIndexOperations.FindSymbolsAsync(Query("Alpha"), cache, CancellationToken.None)).Matches);
        }
        finally
        {
            Directory.Delete(other, true);
        }
    }

    [Fact]
    public async Task FindSymbolsAsync_ConcurrentLookupsWhileFilesChange_EveryOneAnswered()
    {
        using var cache = new SymbolIndexCache();
        var lookups = new List<Task<SymbolsResult>>();
        for (int i = 0; i < 64; i++)
        {
            if (i % 8 == 0)
            {
                await File.WriteAllTextAsync(Path.Combine(_root, $"c{i}.py"), $"class Changing{i}:\n    pass\n");
            }

            lookups.Add(SymbolIndexOperations.FindSymbolsAsync(Query("Alpha"), cache, CancellationToken.None));
        }

        SymbolsResult[] results = await Task.WhenAll(lookups);
        Assert.All(results, r => Assert.Equal("Alpha", r.Matches[0].Name));
    }

    [Theory]
    [InlineData("", 10, "query")]
    [InlineData("a", 0, "limit")]
    [InlineData("a", SymbolIndexOperations.MaxLimit + 1, "limit")]
    public async Task FindSymbolsAsync_BadRequest_InvalidArgumentNamingTheField(string query, int limit, string field)
    {
        using var cache = new SymbolIndexCache();
        OperationException e = await Assert.ThrowsAsync<OperationException>(() =>
            SymbolIndexOperations.FindSymbolsAsync(new SymbolsRequest(query, _root, limit), cache, CancellationToken.None));
        Assert.Equal((ErrorCodes.InvalidArgument, field), (e.Error.Code, e.Error.Target));
    }

    [Fact]
    public async Task IndexAsync_CancelledToken_NoSnapshotWritten()
    {
        using var cache = new SymbolIndexCache();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        string snapshot = Path.Combine(_snapshots, "cancelled.idx");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SymbolIndexOperations.IndexAsync(new IndexRequest(_root, snapshot), cache, cts.Token));
        Assert.False(File.Exists(snapshot));
    }
}
