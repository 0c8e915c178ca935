using AgentCore.Workspace;

namespace AgentCore.Tests.Workspace;

public sealed class WildmatchTests
{
    public static TheoryData<string, string, bool, bool, bool, bool> Cases()
    {
        var data = new TheoryData<string, string, bool, bool, bool, bool>();
        foreach (string line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "Workspace", "wildmatch-t3070.tsv")))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            string[] cols = line.Split('\t');
            string[] flags = cols[0].Split(' ');
            data.Add(cols[1], cols[2], flags[0] == "1", flags[1] == "1", flags[2] == "1", flags[3] == "1");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsMatch_GitT3070_AgreesWithGit(string text, string pattern, bool glob, bool iglob, bool pathmatch, bool ipathmatch)
    {
        Assert.Equal(glob, Wildmatch.IsMatch(pattern, text, WildmatchFlags.PathName));
        Assert.Equal(iglob, Wildmatch.IsMatch(pattern, text, WildmatchFlags.PathName | WildmatchFlags.CaseFold));
        Assert.Equal(pathmatch, Wildmatch.IsMatch(pattern, text, WildmatchFlags.None));
        Assert.Equal(ipathmatch, Wildmatch.IsMatch(pattern, text, WildmatchFlags.CaseFold));
    }

    [Fact]
    public void Cases_TableIsComplete() => Assert.Equal(189, Cases().Count);
}
