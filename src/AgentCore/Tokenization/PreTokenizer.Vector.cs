using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using static AgentCore.Tokenization.CharClass;

namespace AgentCore.Tokenization;

/// <summary>ASCII fast path: the end of a run of ASCII letters, 32 or 16 bytes per step.</summary>
internal static partial class PreTokenizer
{
    /// <summary>
    /// End of the run of ASCII bytes in <paramref name="classes"/> from <paramref name="i"/>. It stops at the first
    /// byte outside the classes or at a non-ASCII byte, which the caller's general loop then classifies. Runs of
    /// letters (lower, upper or both) go through Vector256/Vector128 when the hardware has them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int AsciiRunEnd(ReadOnlySpan<byte> text, int i, int classes)
    {
        // ASCII has no Lm/Lo/marks, so only the Lu/Ll bits matter here.
        int letters = classes & (Upper | Lower);
        if (letters != 0 && text.Length - i >= Vector128<byte>.Count)
        {
            if (Vector256.IsHardwareAccelerated && text.Length - i >= Vector256<byte>.Count)
            {
                return AsciiLetterRunEndVector256(text, i, letters);
            }

            if (Vector128.IsHardwareAccelerated)
            {
                return AsciiLetterRunEndVector128(text, i, letters);
            }
        }

        return AsciiRunEndScalar(text, i, classes);
    }

    /// <summary>The scalar path of <see cref="AsciiRunEnd"/> (also its tail, and what tests compare the vector paths to).</summary>
    internal static int AsciiRunEndScalar(ReadOnlySpan<byte> text, int i, int classes)
    {
        while ((uint)i < (uint)text.Length)
        {
            byte b = text[i];
            if (b >= 0x80 || (OfAscii(b) & classes) == 0)
            {
                break;
            }

            i++;
        }

        return i;
    }

    internal static int AsciiLetterRunEndVector256(ReadOnlySpan<byte> text, int i, int letters)
    {
        ref byte start = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(text);
        while (i + Vector256<byte>.Count <= text.Length)
        {
            Vector256<byte> v = Vector256.LoadUnsafe(ref start, (nuint)i);
            uint inRun = MatchLetters256(v, letters).ExtractMostSignificantBits();
            if (inRun != uint.MaxValue)
            {
                return i + BitOperations.TrailingZeroCount(~inRun);
            }

            i += Vector256<byte>.Count;
        }

        return AsciiRunEndScalar(text, i, letters);
    }

    internal static int AsciiLetterRunEndVector128(ReadOnlySpan<byte> text, int i, int letters)
    {
        ref byte start = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(text);
        while (i + Vector128<byte>.Count <= text.Length)
        {
            Vector128<byte> v = Vector128.LoadUnsafe(ref start, (nuint)i);
            uint inRun = MatchLetters128(v, letters).ExtractMostSignificantBits();
            if (inRun != 0xFFFF)
            {
                return i + BitOperations.TrailingZeroCount(~inRun);
            }

            i += Vector128<byte>.Count;
        }

        return AsciiRunEndScalar(text, i, letters);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> MatchLetters256(Vector256<byte> v, int letters)
    {
        // Unsigned range checks: (b - 'a') < 26 is a-z; OR-ing 0x20 folds A-Z onto a-z for "any letter".
        Vector256<byte> folded = letters == (Upper | Lower) ? v | Vector256.Create((byte)0x20) : v;
        byte first = letters == Upper ? (byte)'A' : (byte)'a';
        return Vector256.LessThan(folded - Vector256.Create(first), Vector256.Create((byte)26));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> MatchLetters128(Vector128<byte> v, int letters)
    {
        Vector128<byte> folded = letters == (Upper | Lower) ? v | Vector128.Create((byte)0x20) : v;
        byte first = letters == Upper ? (byte)'A' : (byte)'a';
        return Vector128.LessThan(folded - Vector128.Create(first), Vector128.Create((byte)26));
    }
}
