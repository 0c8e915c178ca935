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

        ReadOnlySpan<byte> piece = text[start..end];
        if (piece.Length <= PieceCache.MaxPieceBytes)
        {
            EncodeCachedPiece(vocabulary, piece, ref sink);
        }
        else if (piece.Length <= SmallPieceBytes)
        {
            MergeSmall(vocabulary, piece, ref sink);
        }
        else
        {
            MergeLarge(vocabulary, piece, ref sink);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void EncodeCachedPiece(Vocabulary vocabulary, ReadOnlySpan<byte> piece, ref TokenSink sink)
    {
        PieceCache cache = _isO200k ? PieceCache.O200k : PieceCache.Cl100k;
        int slot = cache.Find(piece, out ReadOnlySpan<int> cached);
        if (slot < 0)
        {
            foreach (int id in cached)
            {
                sink.Add(id);
            }

            return;
        }

        var collect = new TokenSink(collect: true);
        try
        {
            MergeSmall(vocabulary, piece, ref collect);
            ReadOnlySpan<int> ids = collect.Ids;
            cache.Store(slot, piece, ids);
            foreach (int id in ids)
            {
                sink.Add(id);
            }
        }
        finally
        {
            collect.Dispose();
        }
    }

    /// <summary>tiktoken's <c>byte_pair_merge</c>: repeatedly merge the adjacent pair of lowest rank, leftmost first.</summary>
    [SkipLocalsInit]
    private static unsafe void MergeSmall(Vocabulary vocabulary, ReadOnlySpan<byte> piece, ref TokenSink sink)
    {
        int n = piece.Length;
        int* starts = stackalloc int[SmallPieceBytes + 1];
        int* pairRanks = stackalloc int[SmallPieceBytes];
        int* tokenRanks = stackalloc int[SmallPieceBytes];
        ReadOnlySpan<int> byteRanks = vocabulary.ByteRanks;
        fixed (byte* p = piece)
        {
            for (int i = 0; i < n; i++)
            {
                starts[i] = i;
                tokenRanks[i] = byteRanks[p[i]];
                pairRanks[i] = i + 1 < n ? vocabulary.PairRank(p[i], p[i + 1]) : NoRank;
            }

            starts[n] = n;
            int count = n;
            while (true)
            {
                int best = NoRank;
                int at = -1;
                for (int i = 0; i < count - 1; i++)
                {
                    if (pairRanks[i] < best)
                    {
                        best = pairRanks[i];
                        at = i;
                    }
                }

                if (at < 0)
                {
                    break;
                }

                // Part `at` absorbs part `at + 1`.
                tokenRanks[at] = best;
                int tail = count - at - 2;
                if (tail > 0)
                {
                    Buffer.MemoryCopy(starts + at + 2, starts + at + 1, tail * sizeof(int), tail * sizeof(int));
                    Buffer.MemoryCopy(pairRanks + at + 2, pairRanks + at + 1, tail * sizeof(int), tail * sizeof(int));
                    Buffer.MemoryCopy(tokenRanks + at + 2, tokenRanks + at + 1, tail * sizeof(int), tail * sizeof(int));
                }

                count--;
                starts[count] = n;
                pairRanks[at] = at + 1 < count ? vocabulary.Rank(p + starts[at], starts[at + 2] - starts[at]) : NoRank;
                if (at > 0)
                {
                    pairRanks[at - 1] = vocabulary.Rank(p + starts[at - 1], starts[at + 1] - starts[at - 1]);
                }
            }

            for (int i = 0; i < count; i++)
            {
                sink.Add(tokenRanks[i]);
            }
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

        // SAFETY: the four part arrays have at least n elements (MergeScratch.For), and every index used below is a
        // part start in [0, n) or guarded by `< n` / `>= 0` before use.
        fixed (byte* p = piece)
        fixed (int* next = scratch.Next, prev = scratch.Prev, pairRanks = scratch.PairRanks, tokenRanks = scratch.TokenRanks)
        {
            for (int i = 0; i < n; i++)
            {
                next[i] = i + 1;
                prev[i] = i - 1;
                tokenRanks[i] = byteRanks[p[i]];
                int r = i + 1 < n ? vocabulary.PairRank(p[i], p[i + 1]) : NoRank;
                pairRanks[i] = r;
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
                    if (pairRanks[at] != rank)
                    {
                        continue;
                    }

                    int absorbed = next[at];
                    int after = next[absorbed];
                    tokenRanks[at] = rank;
                    pairRanks[absorbed] = -1;
                    next[at] = after;
                    int lowest = NoRank;
                    if (after < n)
                    {
                        prev[after] = at;
                        int r = vocabulary.Rank(p + at, next[after] - at);
                        pairRanks[at] = r;
                        if (r != NoRank)
                        {
                            scratch.Insert(r, at);
                            lowest = r;
                        }
                    }
                    else
                    {
                        pairRanks[at] = NoRank;
                    }

                    int before = prev[at];
                    if (before >= 0)
                    {
                        int r = vocabulary.Rank(p + before, after - before);
                        pairRanks[before] = r;
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

            for (int i = 0; i < n; i = next[i])
            {
                sink.Add(tokenRanks[i]);
            }
        }
    }

    /// <summary>Where token ids go: counted only, or also collected into a pooled buffer.</summary>
    private struct TokenSink(bool collect)
    {
        private int[]? _ids = collect ? ArrayPool<int>.Shared.Rent(256) : null;

        public int Count { get; private set; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(int id)
        {
            if (_ids is not null)
            {
                if (Count == _ids.Length)
                {
                    Grow();
                }

                _ids[Count] = id;
            }

            Count++;
        }

        public readonly int[] ToArray() => _ids is null ? [] : _ids.AsSpan(0, Count).ToArray();

        /// <summary>The collected ids (collecting sinks only).</summary>
        public readonly ReadOnlySpan<int> Ids => _ids.AsSpan(0, Count);

        public void Dispose()
        {
            if (_ids is not null)
            {
                ArrayPool<int>.Shared.Return(_ids);
                _ids = null;
            }
        }

        private void Grow()
        {
            int[] bigger = ArrayPool<int>.Shared.Rent(_ids!.Length * 2);
            _ids.CopyTo(bigger, 0);
            ArrayPool<int>.Shared.Return(_ids);
            _ids = bigger;
        }
    }
}
