using AgentCore.Tokenization;

namespace AgentCore.Tests.Tokenization;

public sealed class VocabularyTests
{
    [Theory]
    [InlineData("o200k_base")]
    [InlineData("cl100k_base")]
    public void TokenId_EveryTokenOfTheVocabulary_FindsItsOwnRank(string encoding)
    {
        // The hash table is laid out by the build task (Vocabulary.targets) with its own copy of the hash function:
        // a lookup of every token proves both copies agree and that the table holds every token.
        Tokenizer tokenizer = Tokenizer.Get(encoding);
        for (int rank = 0; rank < tokenizer.VocabularySize; rank++)
        {
            int found = tokenizer.TokenId(tokenizer.TokenBytes(rank));
            if (found != rank)
            {
                Assert.Fail($"{encoding}: token {rank} looked up as {found}");
            }
        }
    }

    [Theory]
    [InlineData("o200k_base")]
    [InlineData("cl100k_base")]
    public void TokenBytes_MatchesTheDataPackage(string encoding)
    {
        Dictionary<string, int> ranks = Oracle.Ranks(encoding);
        Tokenizer tokenizer = Tokenizer.Get(encoding);
        Assert.Equal(ranks.Count, tokenizer.VocabularySize);
        foreach ((string latin1, int rank) in ranks)
        {
            if (!tokenizer.TokenBytes(rank).SequenceEqual(System.Text.Encoding.Latin1.GetBytes(latin1)))
            {
                Assert.Fail($"{encoding}: token {rank} differs from the data package");
            }
        }
    }

    [Fact]
    public void TokenId_NotAToken_MinusOne()
    {
        Assert.Equal(-1, Tokenizer.O200kBase.TokenId("qzxqzxqzxqzx"u8));
        Assert.Equal(-1, Tokenizer.O200kBase.TokenId([]));
        Assert.Equal(-1, Tokenizer.O200kBase.TokenId(new byte[300]));
    }
}
