using System.Runtime.InteropServices;

namespace AgentCore.Tokenization;

/// <summary>The merge of very long pieces (a megabyte of spaces, of one letter, of NUL bytes) in bounded memory.</summary>
public sealed partial class Tokenizer
{
    /// <summary>
    /// Pieces longer than this merge with <see cref="MergeLong"/> (about 5 bytes of working memory per piece byte)
    /// instead of the bucket queue (about 40 bytes per piece byte, kept per thread): no real text has such pieces,
    /// hostile input does.
    /// </summary>
    internal const int LongPieceBytes = 64 * 1024;

    /// <summary>
    /// tiktoken's merge order (lowest pair rank first, leftmost on ties) in rounds: take the lowest rank present, merge
    /// its pairs left to right, repeat. Working memory: one byte (part length) and one int (pair rank) per piece byte,
    /// plus a min-tree over blocks of 64 positions (1/16 byte per byte) that finds the lowest rank and the blocks that
    /// hold it without scanning the piece.
    /// </summary>
    /// <remarks>
    /// Same order as <see cref="MergeLarge"/>: a merge at rank r only creates pairs longer than token r, hence never of
    /// rank r, so the round's remaining pairs keep their order. A new pair of lower rank (a vocabulary whose ranks are
    /// not merge-ordered) ends the round early; the next round starts from that rank. Part lengths fit a byte because
    /// every part is a token (at most <see cref="Vocabulary.MaxTokenLength"/> bytes, which the table stores in a byte).
    /// Cancellation is checked every 64 rounds.
    /// </remarks>
    private static unsafe void MergeLong(Vocabulary vocabulary, ReadOnlySpan<byte> piece, ref TokenSink sink)
    {
        int n = piece.Length;
        byte[] lengths = GC.AllocateUninitializedArray<byte>(n);
        int[] pairs = GC.AllocateUninitializedArray<int>(n);
        bool anyPair = false;
        for (int i = 0; i < n; i++)
        {
            lengths[i] = 1;
            int r = i + 1 < n ? vocabulary.PairRank(piece[i], piece[i + 1]) : NoRank;
            pairs[i] = r;
            anyPair |= r != NoRank;
        }

        if (anyPair)
        {
            var tree = new RankMinTree(pairs);
            fixed (byte* p = piece)
            {
                int rounds = 0;
                int rank;
                while ((rank = tree.Min) != NoRank)
                {
                    if ((++rounds & 63) == 0)
                    {
                        sink.CancellationToken.ThrowIfCancellationRequested();
                    }

                    MergeRound(vocabulary, p, n, lengths, pairs, tree, rank);
                }
            }
        }

        for (int i = 0; i < n; i += lengths[i])
        {
            sink.Add(lengths[i] == 1 ? vocabulary.ByteRanks[piece[i]] : vocabulary.Rank(piece.Slice(i, lengths[i])));
        }
    }

    /// <summary>The ids of <paramref name="piece"/> (not a token itself) by the bucket-queue merge or by <see cref="MergeLong"/>, whatever its length (tests).</summary>
    internal int[] MergePieceForTests(ReadOnlySpan<byte> piece, bool compact)
    {
        var sink = new TokenSink(collect: true);
        try
        {
            if (compact)
            {
                MergeLong(_vocabulary, piece, ref sink);
            }
            else
            {
                MergeLarge(_vocabulary, piece, ref sink);
            }

            return sink.ToArray();
        }
        finally
        {
            sink.Dispose();
        }
    }

    /// <summary>Merges the pairs of rank <paramref name="rank"/> left to right (stops early if a lower rank appears).</summary>
    private static unsafe void MergeRound(Vocabulary vocabulary, byte* p, int n, byte[] lengths, int[] pairs, RankMinTree tree, int rank)
    {
        for (int block = tree.NextBlockAtMost(rank, 0); block >= 0; block = tree.NextBlockAtMost(rank, block + 1))
        {
            int start = block * RankMinTree.BlockSize;
            int end = Math.Min(n, start + RankMinTree.BlockSize);
            bool lower = false;
            for (int i = start; i < end; i++)
            {
                if (pairs[i] != rank)
                {
                    continue;
                }

                int next = i + lengths[i];
                int after = next + lengths[next];
                lengths[i] = (byte)(after - i);
                lengths[next] = 0;
                pairs[next] = NoRank;
                int r = after < n ? vocabulary.Rank(p + i, after + lengths[after] - i) : NoRank;
                pairs[i] = r;
                if (r < rank)
                {
                    lower = true;
                }

                if (i > 0)
                {
                    int from = Math.Max(0, i - byte.MaxValue);
                    int before = from + lengths.AsSpan(from, i - from).LastIndexOfAnyExcept((byte)0);
                    int rb = vocabulary.Rank(p + before, after - before);
                    pairs[before] = rb;
                    if (before < start)
                    {
                        tree.Recompute(before / RankMinTree.BlockSize, pairs);
                    }

                    if (rb < rank)
                    {
                        lower = true;
                    }
                }

                if (lower)
                {
                    break;
                }
            }

            tree.Recompute(block, pairs);
            if (end < n && lengths[end] == 0)
            {
                // The last merge absorbed the first part of the next block: its pair went away.
                tree.Recompute(block + 1, pairs);
            }

            if (lower)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Minimum pair rank per block of <see cref="BlockSize"/> positions, and per 64 blocks above that, up to one top
    /// level of at most 64 entries: a parent is always the minimum of its children.
    /// </summary>
    private sealed class RankMinTree
    {
        public const int BlockSize = 64;
        private const int Shift = 6;

        private readonly int[][] _levels;

        public RankMinTree(int[] pairs)
        {
            var levels = new List<int[]>();
            int[] level = new int[(pairs.Length + BlockSize - 1) >> Shift];
            for (int b = 0; b < level.Length; b++)
            {
                level[b] = MinOf(pairs, b);
            }

            levels.Add(level);
            while (level.Length > BlockSize)
            {
                int[] up = new int[(level.Length + BlockSize - 1) >> Shift];
                for (int j = 0; j < up.Length; j++)
                {
                    up[j] = MinOf(level, j);
                }

                levels.Add(up);
                level = up;
            }

            _levels = [.. levels];
        }

        /// <summary>The lowest rank of any block (NoRank when no pair is left).</summary>
        public int Min
        {
            get
            {
                int[] top = _levels[^1];
                int min = int.MaxValue;
                foreach (int v in top)
                {
                    min = Math.Min(min, v);
                }

                return min;
            }
        }

        /// <summary>Sets block <paramref name="block"/> to the minimum of its pairs, and its ancestors to the minimum of their children.</summary>
        public void Recompute(int block, int[] pairs)
        {
            _levels[0][block] = MinOf(pairs, block);
            int j = block;
            for (int k = 1; k < _levels.Length; k++)
            {
                j >>= Shift;
                _levels[k][j] = MinOf(_levels[k - 1], j);
            }
        }

        /// <summary>The first block at or after <paramref name="from"/> whose minimum is at most <paramref name="rank"/>, or -1.</summary>
        public int NextBlockAtMost(int rank, int from)
        {
            int k = 0;
            int j = from;
            while (true)
            {
                int[] level = _levels[k];
                if (j >= level.Length)
                {
                    return -1;
                }

                int groupEnd = k == _levels.Length - 1 ? level.Length : Math.Min((j | (BlockSize - 1)) + 1, level.Length);
                int found = level.AsSpan(j, groupEnd - j).IndexOfAnyInRange(int.MinValue, rank);
                if (found >= 0)
                {
                    j += found;
                    break;
                }

                if (k == _levels.Length - 1)
                {
                    return -1;
                }

                k++;
                j = groupEnd >> Shift;
            }

            while (k > 0)
            {
                k--;
                int first = j << Shift;
                j = first + _levels[k].AsSpan(first, Math.Min(BlockSize, _levels[k].Length - first)).IndexOfAnyInRange(int.MinValue, rank);
            }

            return j;
        }

        private static int MinOf(int[] values, int group)
        {
            int start = group << Shift;
            ReadOnlySpan<int> span = values.AsSpan(start, Math.Min(BlockSize, values.Length - start));
            int min = int.MaxValue;
            foreach (int v in span)
            {
                min = Math.Min(min, v);
            }

            return min;
        }
    }
}
