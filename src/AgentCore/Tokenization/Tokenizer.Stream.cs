using System.Buffers;
using AgentCore.Diagnostics;

namespace AgentCore.Tokenization;

/// <summary>Encoding of files and streams block by block, in memory that does not grow with the input.</summary>
public sealed partial class Tokenizer
{
    /// <summary>Bytes read per block (and the initial block buffer).</summary>
    internal const int ReadBlockBytes = 1024 * 1024;

    /// <summary>Number of tokens in the UTF-8 text read from <paramref name="utf8"/> to its end (not disposed).</summary>
    /// <remarks>
    /// The input is read in blocks of 1 MiB and cut only where encoding the parts separately gives the same ids as
    /// encoding the whole (<see cref="PieceBoundary"/>); an unfinished tail is carried over to the next block. Memory:
    /// the block buffer, which grows only to hold a run without a safe cut (a piece of a megabyte of one letter), plus
    /// about 5 bytes per byte of the longest piece. Any length works, 2 GiB and more. Same count as encoding the
    /// whole input at once. <paramref name="cancellationToken"/> is checked between blocks and during long merges.
    /// </remarks>
    /// <exception cref="IOException">A read failed.</exception>
    public long CountTokens(Stream utf8, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        using ProfileScope scope = Profiler.Scope("tokens.count");
        var sink = new TokenSink(null, cancellationToken);
        EncodeStream(utf8, ref sink);
        return sink.Count;
    }

    /// <summary>
    /// Encodes the UTF-8 text read from <paramref name="utf8"/> to its end, handing the ids to <paramref name="ids"/>
    /// in order, in blocks, as they are produced; returns their number. Same reading and memory as
    /// <see cref="CountTokens(Stream, CancellationToken)"/>, plus one block of ids. An exception thrown by the sink
    /// (a closed pipe) stops the work at once.
    /// </summary>
    /// <exception cref="IOException">A read failed.</exception>
    public long Encode(Stream utf8, ITokenIdSink ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        ArgumentNullException.ThrowIfNull(ids);
        using ProfileScope scope = Profiler.Scope("tokens.encode");
        var sink = new TokenSink(ids, cancellationToken);
        try
        {
            EncodeStream(utf8, ref sink);
            sink.Flush();
            return sink.Count;
        }
        finally
        {
            sink.Dispose();
        }
    }

    private void EncodeStream(Stream stream, ref TokenSink sink)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ReadBlockBytes);
        int filled = 0;
        int scanned = 0;
        try
        {
            while (true)
            {
                sink.CancellationToken.ThrowIfCancellationRequested();
                if (filled == buffer.Length)
                {
                    if (stream.CanSeek && stream.Length > 0 && stream.Position >= stream.Length)
                    {
                        break;
                    }

                    buffer = Grow(buffer, filled);
                }

                int n = stream.Read(buffer, filled, buffer.Length - filled);
                if (n == 0)
                {
                    break;
                }

                filled += n;
                int cut = PieceBoundary.LastSafeCut(buffer.AsSpan(0, filled), scanned);
                if (cut == 0 && filled == buffer.Length)
                {
                    // A full buffer without a safe cut: before growing it, look for a cut inside a punctuation run
                    // (a megabyte of NUL bytes, /dev/zero) that no merge can cross.
                    cut = LastMergeCut(buffer.AsSpan(0, filled));
                }
                if (cut > 0)
                {
                    EncodeUtf8Core(buffer.AsSpan(0, cut), ref sink);
                    sink.Flush();
                    buffer.AsSpan(cut, filled - cut).CopyTo(buffer);
                    filled -= cut;
                }

                // Cuts before `filled` were looked for (after the cut there was none), so the next search starts here.
                scanned = filled;
                if (filled <= ReadBlockBytes / 2 && buffer.Length > ReadBlockBytes)
                {
                    buffer = Shrink(buffer, filled);
                }
            }

            EncodeUtf8Core(buffer.AsSpan(0, filled), ref sink);
        }
        finally
        {
            Release(buffer);
        }
    }

    /// <summary>
    /// The last cut p inside a run of ASCII punctuation (<c>[^\s\p{L}\p{N}]</c>: symbols, controls, NUL) where the
    /// bytes p-2..p+1 are all such punctuation and none of the pairs (p-2, p-1), (p-1, p), (p, p+1) occurs inside any
    /// token; or 0.
    /// </summary>
    /// <remarks>
    /// Why it is exact: p-1, p and p+1 are in one punctuation run, so the pre-tokenizer makes one piece across p in
    /// the whole text, and in the parts the piece before p ends at p while the one from p is the same run (p+1 is
    /// punctuation, so the byte at p cannot start a word as its prefix, nor a contraction). No part of the merge ever
    /// spans p (it would be a token containing the pair (p-1, p)), so the two halves merge independently; neither
    /// half of two or more bytes is a token itself (it would contain the pair at p-2 or at p), so the whole-piece
    /// lookup cannot differ either.
    /// </remarks>
    private int LastMergeCut(ReadOnlySpan<byte> text)
    {
        for (int p = text.Length - 2; p >= 2; p--)
        {
            if (IsAsciiPunctuation(text[p + 1]) && IsAsciiPunctuation(text[p]) && IsAsciiPunctuation(text[p - 1]) && IsAsciiPunctuation(text[p - 2])
                && !_vocabulary.PairInAnyToken(text[p - 1], text[p])
                && !_vocabulary.PairInAnyToken(text[p - 2], text[p - 1])
                && !_vocabulary.PairInAnyToken(text[p], text[p + 1]))
            {
                return p;
            }
        }

        return 0;
    }

    private static bool IsAsciiPunctuation(byte b) => b < 0x80 && (CharClass.OfAscii(b) & CharClass.Punctuation) != 0;

    /// <summary>A buffer twice as large holding the first <paramref name="filled"/> bytes (a carried-over run that has no safe cut yet).</summary>
    private static byte[] Grow(byte[] buffer, int filled)
    {
        if (buffer.Length >= Array.MaxLength)
        {
            throw new InsufficientMemoryException($"A run of {filled} bytes without a place to split it is longer than one buffer can hold.");
        }

        // Doubling, then by half above 64 MiB: the slack of the last growth is what a long run costs beyond its bytes.
        long size = buffer.Length < 64 * ReadBlockBytes ? buffer.Length * 2L : buffer.Length + (buffer.Length / 2L);
        byte[] bigger = GC.AllocateUninitializedArray<byte>((int)Math.Min(size, Array.MaxLength));
        buffer.AsSpan(0, filled).CopyTo(bigger);
        Release(buffer);
        return bigger;
    }

    /// <summary>Back to a block-sized buffer once a long run has been encoded.</summary>
    private static byte[] Shrink(byte[] buffer, int filled)
    {
        byte[] smaller = ArrayPool<byte>.Shared.Rent(ReadBlockBytes);
        buffer.AsSpan(0, filled).CopyTo(smaller);
        Release(buffer);
        return smaller;
    }

    private static void Release(byte[] buffer)
    {
        // Only block-sized buffers came from the pool; grown ones are left to the GC.
        if (buffer.Length <= ReadBlockBytes)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
