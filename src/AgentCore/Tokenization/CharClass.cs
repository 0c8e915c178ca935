using System.Globalization;
using System.Runtime.CompilerServices;

namespace AgentCore.Tokenization;

/// <summary>
/// The code-point classes the split patterns distinguish, as bit flags, so that each regex character class
/// (e.g. <c>[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]</c>) is one mask test.
/// </summary>
/// <remarks>
/// Categories come from .NET's <see cref="CharUnicodeInfo.GetUnicodeCategory(int)"/>, which covers all planes
/// (Unicode 16.0 in .NET 10). <c>\s</c> is Unicode White_Space: Zs, Zl, Zp, U+0009..U+000D and U+0085, the same
/// set as Rust regex's <c>\s</c>. U+FEFF is Cf, so it is "other" (punctuation-like), as in tiktoken.
/// </remarks>
internal static class CharClass
{
    /// <summary>End of text (no character).</summary>
    public const int End = 0;

    /// <summary>Lu, Lt.</summary>
    public const int Upper = 1;

    /// <summary>Ll.</summary>
    public const int Lower = 2;

    /// <summary>Lm, Lo.</summary>
    public const int OtherLetter = 4;

    /// <summary>Mn, Mc, Me.</summary>
    public const int Mark = 8;

    /// <summary>Nd, Nl, No.</summary>
    public const int Number = 16;

    /// <summary>White_Space other than CR and LF.</summary>
    public const int Space = 32;

    /// <summary>CR or LF.</summary>
    public const int Newline = 64;

    /// <summary>Anything else (punctuation, symbols, controls, format characters, unassigned).</summary>
    public const int Other = 128;

    /// <summary><c>\p{L}</c>.</summary>
    public const int Letter = Upper | Lower | OtherLetter;

    /// <summary><c>\s</c>.</summary>
    public const int WhiteSpace = Space | Newline;

    /// <summary><c>[^\r\n\p{L}\p{N}]</c>: the optional one-character prefix of a word.</summary>
    public const int WordPrefix = Mark | Space | Other;

    /// <summary><c>[^\s\p{L}\p{N}]</c>: punctuation runs.</summary>
    public const int Punctuation = Mark | Other;

    /// <summary>o200k's <c>[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]</c>.</summary>
    public const int CasedUpper = Upper | OtherLetter | Mark;

    /// <summary>o200k's <c>[\p{Ll}\p{Lm}\p{Lo}\p{M}]</c>.</summary>
    public const int CasedLower = Lower | OtherLetter | Mark;

    // Class of each ASCII byte.
    private static ReadOnlySpan<byte> Ascii =>
    [
        // 0x00-0x0F: controls; \t \n \v \f \r
        128, 128, 128, 128, 128, 128, 128, 128, 128, 32, 64, 32, 32, 64, 128, 128,
        // 0x10-0x1F
        128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128,
        // 0x20-0x2F: space ! " # $ % & ' ( ) * + , - . /
        32, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128,
        // 0x30-0x3F: 0-9 : ; < = > ?
        16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 128, 128, 128, 128, 128, 128,
        // 0x40-0x4F: @ A-O
        128, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        // 0x50-0x5F: P-Z [ \ ] ^ _
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 128, 128, 128, 128, 128,
        // 0x60-0x6F: ` a-o
        128, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
        // 0x70-0x7F: p-z { | } ~ DEL
        2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 128, 128, 128, 128, 128,
    ];

    // Class of each UnicodeCategory value (enum order).
    private static ReadOnlySpan<byte> ByCategory =>
    [
        Upper, // UppercaseLetter
        Lower, // LowercaseLetter
        Upper, // TitlecaseLetter
        OtherLetter, // ModifierLetter
        OtherLetter, // OtherLetter
        Mark, // NonSpacingMark
        Mark, // SpacingCombiningMark
        Mark, // EnclosingMark
        Number, // DecimalDigitNumber
        Number, // LetterNumber
        Number, // OtherNumber
        Space, // SpaceSeparator
        Space, // LineSeparator
        Space, // ParagraphSeparator
        Other, // Control (U+0085 is handled before the lookup)
        Other, // Format
        Other, // Surrogate
        Other, // PrivateUse
        Other, // ConnectorPunctuation
        Other, // DashPunctuation
        Other, // OpenPunctuation
        Other, // ClosePunctuation
        Other, // InitialQuotePunctuation
        Other, // FinalQuotePunctuation
        Other, // OtherPunctuation
        Other, // MathSymbol
        Other, // CurrencySymbol
        Other, // ModifierSymbol
        Other, // OtherSymbol
        Other, // OtherNotAssigned
    ];

    /// <summary>Class of the ASCII byte <paramref name="b"/> (&lt; 0x80).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int OfAscii(byte b) => Ascii[b];

    /// <summary>Class of the code point <paramref name="codePoint"/>.</summary>
    public static int OfCodePoint(int codePoint)
    {
        if (codePoint < 0x80)
        {
            return Ascii[codePoint];
        }

        if (codePoint == 0x85)
        {
            return Space;
        }

        return ByCategory[(int)CharUnicodeInfo.GetUnicodeCategory(codePoint)];
    }

    /// <summary>
    /// Class of the character at <paramref name="index"/> of valid UTF-8 <paramref name="text"/> and its length in
    /// bytes; <see cref="End"/> and length 0 at the end.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int At(ReadOnlySpan<byte> text, int index, out int length)
    {
        if ((uint)index >= (uint)text.Length)
        {
            length = 0;
            return End;
        }

        byte b = text[index];
        if (b < 0x80)
        {
            length = 1;
            return Ascii[b];
        }

        return AtNonAscii(text, index, out length);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int AtNonAscii(ReadOnlySpan<byte> text, int index, out int length)
    {
        // The text is valid UTF-8 (the tokenizer replaces invalid sequences first), so the leading byte gives
        // the length.
        byte b = text[index];
        int cp;
        if (b < 0xE0)
        {
            length = 2;
            cp = ((b & 0x1F) << 6) | (text[index + 1] & 0x3F);
        }
        else if (b < 0xF0)
        {
            length = 3;
            cp = ((b & 0x0F) << 12) | ((text[index + 1] & 0x3F) << 6) | (text[index + 2] & 0x3F);
        }
        else
        {
            length = 4;
            cp = ((b & 0x07) << 18) | ((text[index + 1] & 0x3F) << 12) | ((text[index + 2] & 0x3F) << 6) | (text[index + 3] & 0x3F);
        }

        return OfCodePoint(cp);
    }
}
