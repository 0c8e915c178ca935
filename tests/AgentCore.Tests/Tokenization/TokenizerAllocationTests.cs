using System.Text;
using AgentCore.Tokenization;

namespace AgentCore.Tests.Tokenization;

public sealed class TokenizerAllocationTests
{
    [Theory]
    [InlineData("o200k_base")]
    [InlineData("cl100k_base")]
    public void CountTokens_AfterWarmUp_AllocatesNothing(string encoding)
    {
        Tokenizer tokenizer = Tokenizer.Get(encoding);
        string shortText = "Hello, world! The quick brown fox's 123 jumps.\r\n";
        string longText = string.Concat(Enumerable.Repeat("Some prose, some code: int x = 42; 你好 😀 𝐀\n", 200));
        string longPiece = new string('a', 5000) + new string(' ', 3000) + "x";
        byte[] longUtf8 = Encoding.UTF8.GetBytes(longText);
        int total = 0;
        for (int i = 0; i < 3; i++)
        {
            total += tokenizer.CountTokens(shortText) + tokenizer.CountTokens(longText) + tokenizer.CountTokens(longPiece.AsSpan()) + tokenizer.CountTokensUtf8(longUtf8);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++)
        {
            total += tokenizer.CountTokens(shortText) + tokenizer.CountTokens(longText) + tokenizer.CountTokens(longPiece.AsSpan()) + tokenizer.CountTokensUtf8(longUtf8);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(total > 0);
    }
}
