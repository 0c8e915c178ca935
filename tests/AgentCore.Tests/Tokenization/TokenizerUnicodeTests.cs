using System.Text;
using AgentCore.Tokenization;

namespace AgentCore.Tests.Tokenization;

/// <summary>
/// Cases where Microsoft.ML.Tokenizers, SharpToken, js-tiktoken and gpt-tokenizer disagree with tiktoken: astral
/// letters and digits (their regexes see UTF-16 surrogate halves, which are not \p{L}/\p{N}), U+FEFF, lone
/// surrogates. Expected ids are derived by hand: the pieces are read off the split pattern (the reasoning is in
/// each case), and each piece's ids come from <see cref="NaiveBpe"/>, a plain transcription of tiktoken's merge
/// loop over the rank table of the vocabulary file itself.
/// </summary>
public sealed class TokenizerUnicodeTests
{
    public static TheoryData<string, string, string[]> Cases => new()
    {
        // U+1D400 MATHEMATICAL BOLD CAPITAL A is Lu: one word piece.
        { "o200k_base", "𝐀", ["𝐀"] },
        // 'a' (Ll) ends alternative 1 before the Lu; "𝐀b" is [UP]*[LOW]+.
        { "o200k_base", "a𝐀b", ["a", "𝐀b"] },
        // U+1D7D8.. MATHEMATICAL DOUBLE-STRUCK DIGITs are Nd: \p{N}{1,3}.
        { "o200k_base", "𝟘𝟙𝟚𝟛", ["𝟘𝟙𝟚", "𝟛"] },
        { "cl100k_base", "𝟘𝟙𝟚𝟛", ["𝟘𝟙𝟚", "𝟛"] },
        // CJK Extension B (U+20000, U+20001) are Lo; the space is the optional prefix.
        { "o200k_base", "x 𠀀𠀁", ["x", " 𠀀𠀁"] },
        { "cl100k_base", "x 𠀀𠀁", ["x", " 𠀀𠀁"] },
        // cl100k: astral letters are \p{L}+ together with ASCII letters.
        { "cl100k_base", "a𝐀b 𝐁", ["a𝐀b", " 𝐁"] },
        // U+FEFF (a leading BOM is text) is Cf: the optional prefix of the word.
        { "o200k_base", "\uFEFFhello", ["\uFEFFhello"] },
        { "cl100k_base", "\uFEFFhello", ["\uFEFFhello"] },
        // Two U+FEFF: no word follows the prefix, so ` ?[^\s\p{L}\p{N}]+` takes both.
        { "o200k_base", "\uFEFF\uFEFF x", ["\uFEFF\uFEFF", " x"] },
        // Lone surrogates become U+FFFD (So), which then prefixes the next word.
        { "o200k_base", "a\uD800b", ["a", "\uFFFDb"] },
        { "cl100k_base", "a\uDC00\uDC00b", ["a", "\uFFFD\uFFFD", "b"] },
        // Emoji (So) and an astral letter in a sentence.
        { "o200k_base", "I 😀 𝐀pple", ["I", " 😀", " 𝐀pple"] },
        // Rust regex (?i) folds s to U+017F: "'ſ" is a contraction.
        { "o200k_base", "it'ſ", ["it'ſ"] },
        { "cl100k_base", "it'ſ", ["it", "'ſ"] },
        // Trailing white space with a newline: tiktoken's cl100k "\s++$" keeps it whole; o200k splits after the
        // last newline ("\s*[\r\n]+"), then the rest is "\s+(?!\S)" at the end.
        { "cl100k_base", "foo\n  ", ["foo", "\n  "] },
        { "o200k_base", "foo\n  ", ["foo", "\n", "  "] },
        { "cl100k_base", "foo\n  bar", ["foo", "\n", " ", " bar"] },
        { "cl100k_base", "a \t\r\n \r\n", ["a", " \t\r\n \r\n"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Encode_AstralBomAndSurrogates_MatchesHandDerivedIds(string encoding, string text, string[] pieces)
    {
        List<int> expected = NaiveBpe.Encode(encoding, pieces);
        Tokenizer tokenizer = Tokenizer.Get(encoding);
        Assert.Equal(expected, tokenizer.Encode(text));
        Assert.Equal(expected.Count, tokenizer.CountTokens(text));
        Assert.Equal(expected, tokenizer.EncodeUtf8(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void EncodeUtf8_InvalidBytes_EncodedAsReplacementCharacter()
    {
        byte[] invalid = [(byte)'a', 0xFF, (byte)'b', 0xE2, 0x82];
        Assert.Equal(Tokenizer.O200kBase.Encode("a\uFFFDb\uFFFD"), Tokenizer.O200kBase.EncodeUtf8(invalid));
    }

    [Fact]
    public void Encode_Bom_IsNotStrippedAndCrLfKept()
    {
        int[] withBom = Tokenizer.O200kBase.EncodeUtf8([0xEF, 0xBB, 0xBF, (byte)'h', (byte)'i', (byte)'\r', (byte)'\n']);
        Assert.Equal("\uFEFFhi\r\n", Tokenizer.O200kBase.Decode(withBom));
    }

    [Fact]
    public void Decode_UnknownId_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Tokenizer.O200kBase.Decode([199998]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Tokenizer.Cl100kBase.Decode([-1]));
    }
}
