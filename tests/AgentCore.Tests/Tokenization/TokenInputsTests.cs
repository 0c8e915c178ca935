using System.Text;
using AgentCore.Tokenization;

namespace AgentCore.Tests.Tokenization;

public sealed class TokenInputsTests
{
    [Fact]
    public void CountAll_ManyFilesStdinAndMissingFile_ResultsInInputOrder()
    {
        string dir = Directory.CreateTempSubdirectory("agentcore-tokeninputs-").FullName;
        try
        {
            var paths = new List<string>();
            var expected = new List<int>();
            for (int i = 0; i < 9; i++)
            {
                string text = string.Concat(Enumerable.Repeat("Hello world ", i + 1));
                string path = Path.Combine(dir, $"f{i}.txt");
                File.WriteAllText(path, text);
                paths.Add(path);
                expected.Add(Tokenizer.O200kBase.CountTokens(text));
            }

            paths.Insert(3, "-");
            expected.Insert(3, 3); // "Hello, world" -> Hello , world
            string missing = Path.Combine(dir, "missing.txt");
            paths.Add(missing);

            TokenInputResult[] results = TokenInputs.CountAll(Tokenizer.O200kBase, paths, Encoding.UTF8.GetBytes("Hello, world"), withIds: false);

            Assert.Equal(paths.Count, results.Length);
            for (int i = 0; i < expected.Count; i++)
            {
                Assert.Null(results[i].Error);
                Assert.Equal(expected[i], results[i].Count);
                Assert.True(results[i].Ids.IsEmpty);
            }

            Assert.NotNull(results[^1].Error);
            Assert.EndsWith("missing.txt: no such file or directory", results[^1].Error!.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void CountAll_WithIds_IdsEqualEncode()
    {
        TokenInputResult[] results = TokenInputs.CountAll(Tokenizer.Cl100kBase, ["-"], Encoding.UTF8.GetBytes("Hello world"), withIds: true);
        Assert.Equal(Tokenizer.Cl100kBase.Encode("Hello world"), results[0].Ids.ToArray());
        Assert.Equal(2, results[0].Count);
    }
}
