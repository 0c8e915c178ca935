// TEMPORARY stand-in for issue 3's tokenizer so issue 6 builds before it is merged. Deleted (git rm) before
// `git merge main` brings the real Tokenizer / TokenEstimator; nothing else in issue 6 depends on this file.
#pragma warning disable CA1822
namespace AgentCore.Tokenization;

/// <summary>Stand-in: counts one token per 4 UTF-8 bytes (rounded up). Replaced by issue 3.</summary>
public sealed class Tokenizer
{
    /// <summary>Stand-in instance.</summary>
    public static Tokenizer O200kBase { get; } = new();

    /// <summary>Stand-in count.</summary>
    public int CountTokens(string text) => CountTokens(text.AsSpan());

    /// <summary>Stand-in count.</summary>
    public int CountTokens(ReadOnlySpan<char> text) => (System.Text.Encoding.UTF8.GetByteCount(text) + 3) / 4;

    /// <summary>Stand-in count.</summary>
    public int CountTokensUtf8(ReadOnlySpan<byte> utf8) => (utf8.Length + 3) / 4;
}

/// <summary>Stand-in for issue 3's estimate rules.</summary>
public static class TokenEstimator
{
    /// <summary>Image without data.</summary>
    public const int ImageWithoutDataTokens = 300;

    /// <summary>ceil(sqrt(len)).</summary>
    public static int ImageTokens(int base64Utf16Length) => (int)Math.Ceiling(Math.Sqrt(base64Utf16Length));

    /// <summary>ceil(total*1.5).</summary>
    public static int ApplyFudgeFactor(long rawTokenTotal) => (int)Math.Ceiling(rawTokenTotal * 1.5);
}
