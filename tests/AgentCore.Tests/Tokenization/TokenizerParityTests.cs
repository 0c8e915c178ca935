using AgentCore.Tokenization;

namespace AgentCore.Tests.Tokenization;

/// <summary>Parity spec 1.7: o200k counts of the extension's `encode(text, undefined, [])` (raw, before x1.5).</summary>
public sealed class TokenizerParityTests
{
    public static TheoryData<string, int> Vectors => new()
    {
        { "Hello world", 2 },
        { "", 0 },
        { "Test", 1 },
        { "Goodbye world", 3 },
        { "something<|endoftext|>something", 9 },
        { "<|endoftext|>", 7 },
        { "a<|endofprompt|>b", 9 },
        { "This is a text block with 36 characters", 9 },
        { "This is a longer text block with significantly more characters to encode into tokens", 14 },
        { "Small content", 2 },
        { "A very large incoming message that would consume a significant number of tokens and push us over the threshold", 19 },
        { new string('X', 1000), 63 },
        { " ", 1 },
        { "\n", 1 },
        { "<read_file><path>src/file.ts</path></read_file>", 15 },
        { "你好，世界", 3 },
        { "emoji 😀 test", 3 },
        { "  leading and trailing  ", 5 },
        { "Hello, world!\n", 4 },
        { "line1\r\nline2\n\n  indented\ttab", 10 },
        { "Tool: read_file\nArguments: {\"path\":\"/src/main.ts\"}", 15 },
        { "Tool: list_files\nArguments: {}", 8 },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void CountTokens_ParityVector_MatchesExtension(string text, int expected)
    {
        Assert.Equal(expected, Tokenizer.O200kBase.CountTokens(text));
        Assert.Equal(expected, Tokenizer.O200kBase.CountTokens(text.AsSpan()));
        Assert.Equal(expected, Tokenizer.O200kBase.CountTokensUtf8(System.Text.Encoding.UTF8.GetBytes(text)));
        Assert.Equal(expected, Tokenizer.O200kBase.Encode(text).Length);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Encode_ParityVector_IdsMatchOracleAndRoundTrip(string text, int expected)
    {
        foreach (string encoding in new[] { "o200k_base", "cl100k_base" })
        {
            Tokenizer tokenizer = Tokenizer.Get(encoding);
            int[] ids = tokenizer.Encode(text);
            Assert.Equal(Oracle.Get(encoding).EncodeToIds(text), ids);
            Assert.Equal(text, tokenizer.Decode(ids));
        }

        Assert.Equal(expected, Tokenizer.O200kBase.Encode(text).Length);
    }

    [Fact]
    public void Encode_HelloWorld_KnownIds()
    {
        // tiktoken: enc.encode("Hello world") for o200k_base and cl100k_base.
        Assert.Equal([13225, 2375], Tokenizer.O200kBase.Encode("Hello world"));
        Assert.Equal([9906, 1917], Tokenizer.Cl100kBase.Encode("Hello world"));
    }

    [Fact]
    public void Get_UnknownName_Throws()
    {
        Assert.Throws<ArgumentException>(() => Tokenizer.Get("p50k_base"));
        Assert.Same(Tokenizer.O200kBase, Tokenizer.Get("o200k_base"));
        Assert.Same(Tokenizer.Cl100kBase, Tokenizer.Get("cl100k_base"));
        Assert.Equal("cl100k_base", Tokenizer.Cl100kBase.Name);
    }

    [Fact]
    public void VocabularySize_MatchesTiktoken()
    {
        Assert.Equal(199998, Tokenizer.O200kBase.VocabularySize);
        Assert.Equal(100256, Tokenizer.Cl100kBase.VocabularySize);
    }
}
