using System.Buffers;
using System.Runtime.CompilerServices;

namespace AgentCore.Tokenization;

/// <summary>The encode loop: pieces from the pre-tokenizer, one lookup per piece, byte-pair merging for the rest.</summary>
public sealed partial class Tokenizer
{
    /// <summary>
    /// Pieces up to this many bytes merge with tiktoken's own loop (scan for the lowest pair, merge, repeat) over
    /// stack arrays: quadratic but tiny. Longer pieces use a bucket queue (near-linear).
    /// </summary>
    private const int SmallPieceBytes = 128;

    private const int NoRank = Vocabulary.NotFound;

    private void EncodeValidUtf8(ReadOnlySpan<byte> text, ref TokenSink sink)
    {
        Vocabulary vocabulary = _vocabulary;
        int pos = 0;
        if (_isO200k)
        {
            while (pos < text.Length)
            {
                int end = PreTokenizer.NextO200k(text, pos);
                EncodePiece(vocabulary, text, pos, end, ref sink);
                pos = end;
            }
        }
        else
        {
            while (pos < text.Length)
            {
                int end = PreTokenizer.NextCl100k(text, pos);
                EncodePiece(vocabulary, text, pos, end, ref sink);
                pos = end;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EncodePiece(Vocabulary vocabulary, ReadOnlySpan<byte> text, int start, int end, ref TokenSink sink)
    {
        int rank = vocabulary.RankInText(text, start, end - start);
        if (rank != NoRank)
        {
            sink.Add(rank);
            return;
        }

        EncodeMergedPiece(vocabulary, text[start..end], ref sink);
    }

    /// <summary>A piece that is not a token: from the piece cache, or merged (and cached when short).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    [SkipLocalsInit]
    private unsafe void EncodeMergedPiece(Vocabulary vocabulary, ReadOnlySpan<byte> piece, ref TokenSink sink)
    {
        if (piece.Length > SmallPieceBytes)
        {
            if (piece.Length > LongPieceBytes)
            {
                MergeLong(vocabulary, piece, ref sink);
            }
            else
            {
                MergeLarge(vocabulary, piece, ref sink);
            }

            return;
        }

        PieceCache? cache = null;
        int slot = -1;
        if (piece.Length <= PieceCache.MaxPieceBytes)
        {
            cache = _isO200k ? PieceCache.O200k : PieceCache.Cl100k;
            slot = cache.Find(piece, out ReadOnlySpan<int> cached);
            if (slot < 0)
            {
                foreach (int id in cached)
                {
                    sink.Add(id);
                }

                return;
            }
        }

        int* ids = stackalloc int[SmallPieceBytes];
        int count = MergeSmall(vocabulary, piece, ids);
        cache?.Store(slot, piece, new ReadOnlySpan<int>(ids, count));
        for (int i = 0; i < count; i++)
        {
            sink.Add(ids[i]);
        }
    }

    /// <summary>
    /// tiktoken's <c>byte_pair_merge</c>: repeatedly merge the adjacent pair of lowest rank, leftmost first; writes
    /// the ids to <paramref name="output"/> (room for the piece's length) and returns their count.
    /// </summary>
    /// <remarks>
    /// Each part is one long, (pair rank &lt;&lt; 32) | start: the minimum over the parts is the lowest rank and, on
    /// ties, the leftmost start, found without branches. Removing a part shifts the tail (pieces are at most
    /// <see cref="SmallPieceBytes"/>).
    /// </remarks>
    [SkipLocalsInit]
    private static unsafe int MergeSmall(Vocabulary vocabulary, ReadOnlySpan<byte> piece, int* output)
    {
        int n = piece.Length;
        long* parts = stackalloc long[SmallPieceBytes + 1];
        ReadOnlySpan<int> byteRanks = vocabulary.ByteRanks;
        fixed (byte* p = piece)
        {
            for (int i = 0; i < n; i++)
            {
                output[i] = byteRanks[p[i]];
                int r = i + 1 < n ? vocabulary.PairRank(p[i], p[i + 1]) : NoRank;
                parts[i] = ((long)r << 32) | (uint)i;
            }

            parts[n] = ((long)NoRank << 32) | (uint)n;
            int count = n;
            while (true)
            {
                long best = long.MaxValue;
                for (int i = 0; i < count - 1; i++)
                {
                    best = Math.Min(best, parts[i]);
                }

                int rank = (int)(best >> 32);
                if (rank == NoRank)
                {
                    break;
                }

                int at = 0;
                while (parts[at] != best)
                {
                    at++;
                }

                // Part `at` absorbs part `at + 1`; the tail (sentinel included) moves down one.
                output[at] = rank;
                for (int j = at + 1; j < count; j++)
                {
                    parts[j] = parts[j + 1];
                }

                for (int j = at + 1; j < count - 1; j++)
                {
                    output[j] = output[j + 1];
                }

                count--;
                int s = (int)parts[at];
                int r = NoRank;
                if (at + 1 < count)
                {
                    r = vocabulary.Rank(p + s, (int)parts[at + 2] - s);
                }

                parts[at] = ((long)r << 32) | (uint)s;
                if (at > 0)
                {
                    int s0 = (int)parts[at - 1];
                    parts[at - 1] = ((long)vocabulary.Rank(p + s0, (int)parts[at + 1] - s0) << 32) | (uint)s0;
                }
            }

            return count;
        }
    }

    /// <summary>
    /// The same merge order as <see cref="MergeSmall"/> (lowest rank first, leftmost on ties) in near-linear time,
    /// over a linked list of parts and a bucket queue: one bucket of pair positions per rank, a three-level bitmap
    /// over ranks to find the lowest non-empty bucket in O(1).
    /// </summary>
    /// <remarks>
    /// A bucket is drained in ascending position order. That is tiktoken's order because a merge at rank r only
    /// creates pairs that are longer than token r, hence never of rank r: nothing can join bucket r while it is
    /// drained. If a merge creates a pair of lower rank (possible in a vocabulary whose ranks are not merge-ordered),
    /// the rest of bucket r is put back and the lowest bucket is looked up again. An entry is skipped when its part
    /// no longer has that pair rank (a (rank, position) pair names one byte string, so this test is exact).
    /// </remarks>
    private static unsafe void MergeLarge(Vocabulary vocabulary, ReadOnlySpan<byte> piece, ref TokenSink sink)
    {
        int n = piece.Length;
        MergeScratch scratch = MergeScratch.For(vocabulary.Count, n);
        ReadOnlySpan<int> byteRanks = vocabulary.ByteRanks;

        // SAFETY: Parts has at least n elements (MergeScratch.For), and every index used below is a part start in
        // [0, n) or guarded by `< n` / `>= 0` before use.
        fixed (byte* p = piece)
        fixed (MergeScratch.Part* parts = scratch.Parts)
        {
            for (int i = 0; i < n; i++)
            {
                int r = i + 1 < n ? vocabulary.PairRank(p[i], p[i + 1]) : NoRank;
                parts[i] = new MergeScratch.Part { Next = i + 1, Prev = i - 1, Token = byteRanks[p[i]], Pair = r };
                if (r != NoRank)
                {
                    scratch.Insert(r, i);
                }
            }

            int rank;
            while ((rank = scratch.TakeLowestBucket(out Span<int> positions)) >= 0)
            {
                for (int k = 0; k < positions.Length; k++)
                {
                    int at = positions[k];
                    MergeScratch.Part* part = parts + at;
                    if (part->Pair != rank)
                    {
                        continue;
                    }

                    int absorbed = part->Next;
                    int after = parts[absorbed].Next;
                    part->Token = rank;
                    parts[absorbed].Pair = -1;
                    part->Next = after;
                    int lowest = NoRank;
                    if (after < n)
                    {
                        parts[after].Prev = at;
                        int r = vocabulary.Rank(p + at, parts[after].Next - at);
                        part->Pair = r;
                        if (r != NoRank)
                        {
                            scratch.Insert(r, at);
                            lowest = r;
                        }
                    }
                    else
                    {
                        part->Pair = NoRank;
                    }

                    int before = part->Prev;
                    if (before >= 0)
                    {
                        int r = vocabulary.Rank(p + before, after - before);
                        parts[before].Pair = r;
                        if (r != NoRank)
                        {
                            scratch.Insert(r, before);
                            lowest = Math.Min(lowest, r);
                        }
                    }

                    if (lowest < rank)
                    {
                        for (int j = k + 1; j < positions.Length; j++)
                        {
                            scratch.Insert(rank, positions[j]);
                        }

                        break;
                    }
                }
            }

            for (int i = 0; i < n; i = parts[i].Next)
            {
                sink.Add(parts[i].Token);
            }
        }
    }

    /// <summary>
    /// Where token ids go: counted only, collected into a pooled buffer, or handed to an <see cref="ITokenIdSink"/>
    /// in blocks of <see cref="IdBlockSize"/>. Carries the cancellation token checked between blocks and long merges.
    /// </summary>
    private struct TokenSink
    {
        /// <summary>Ids handed to an <see cref="ITokenIdSink"/> per call (16 KB).</summary>
        public const int IdBlockSize = 4096;

        private readonly ITokenIdSink? _target;
        private int[]? _ids;
        private int _buffered;

        public TokenSink(bool collect)
        {
            _ids = collect ? ArrayPool<int>.Shared.Rent(256) : null;
        }

        public TokenSink(ITokenIdSink? target, CancellationToken cancellationToken)
        {
            _target = target;
            _ids = target is null ? null : ArrayPool<int>.Shared.Rent(IdBlockSize);
            CancellationToken = cancellationToken;
        }

        public long Count { get; private set; }

        public CancellationToken CancellationToken { get; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(int id)
        {
            if (_ids is not null)
            {
                if (_buffered == _ids.Length)
                {
                    Full();
                }

                _ids[_buffered++] = id;
            }

            Count++;
        }

        public readonly int[] ToArray() => _ids is null ? [] : _ids.AsSpan(0, _buffered).ToArray();

        /// <summary>Hands the buffered ids to the target (no effect without one).</summary>
        public void Flush()
        {
            if (_target is not null && _buffered > 0)
            {
                int n = _buffered;
                _buffered = 0;
                _target.Write(_ids.AsSpan(0, n));
            }
        }

        public void Dispose()
        {
            if (_ids is not null)
            {
                ArrayPool<int>.Shared.Return(_ids);
                _ids = null;
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void Full()
        {
            if (_target is not null)
            {
                Flush();
                return;
            }

            int[] bigger = ArrayPool<int>.Shared.Rent(_ids!.Length * 2);
            _ids.CopyTo(bigger, 0);
            ArrayPool<int>.Shared.Return(_ids);
            _ids = bigger;
        }
    }
}
