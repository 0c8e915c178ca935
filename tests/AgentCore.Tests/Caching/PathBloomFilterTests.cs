using AgentCore.Caching;

namespace AgentCore.Tests.Caching;

public sealed class PathBloomFilterTests
{
    [Fact]
    public void MightContain_Added_NeverFalseNegative_AndMeasuredFalsePositiveRateNearTarget()
    {
        const int n = 50_000;
        var filter = new PathBloomFilter(n, 0.01);
        for (int i = 0; i < n; i++)
        {
            filter.Add($"/repo/pkg{i % 50}/mod{i % 25}/file{i}.ts");
        }

        for (int i = 0; i < n; i++)
        {
            Assert.True(filter.MightContain($"/repo/pkg{i % 50}/mod{i % 25}/file{i}.ts"));
        }

        int falsePositives = 0;
        const int probes = 100_000;
        for (int i = 0; i < probes; i++)
        {
            if (filter.MightContain($"/repo/other/missing{i}.ts"))
            {
                falsePositives++;
            }
        }

        double rate = (double)falsePositives / probes;
        Assert.True(rate < 0.02, $"measured false-positive rate {rate:P3}");
        Assert.Equal(7, filter.HashCount);
    }

    [Fact]
    public void Build_FromWalk_KnowsEveryListedFile()
    {
        using var t = new AgentCore.Tests.Workspace.TempTree();
        t.File("a.txt").File("src/b.ts").File("node_modules/x.js");
        PathBloomFilter filter = AgentCore.Workspace.WorkspaceIndex.BuildPathFilter(t.Root, 0.01, CancellationToken.None);
        Assert.True(filter.MightContain(t.Root + "/a.txt"));
        Assert.True(filter.MightContain(t.Root + "/src/b.ts"));
    }
}
