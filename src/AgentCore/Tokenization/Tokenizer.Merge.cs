using System.Buffers;
using System.Runtime.CompilerServices;

namespace AgentCore.Tokenization;

/// <summary>The encode loop: pieces from the pre-tokenizer, one lookup per piece, byte-pair merging for the rest.</summary>
public sealed partial class Tokenizer
{
    /// <summary>
    /// Pieces up to this many bytes merge with tiktoken's own loop (scan for the lowest pair, merge, repeat) over
    /// stack arrays: quadratic but tiny. Longer pieces use a heap (O(n log n)).
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
                EncodePiece(vocabulary, text[pos..end], ref sink);
                pos = end;
            }
        }
        else
        {
            while (pos < text.Length)
            {
                int end = PreTokenizer.NextCl100k(text, pos);
                EncodePiece(vocabulary, text[pos..end], ref sink);
                pos = end;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void EncodePiece(Vocabulary vocabulary, ReadOnlySpan<byte> piece, ref TokenSink sink)
    {
        int rank = vocabulary.Rank(piece);
        if (rank != NoRank)
        {
            sink.Add(rank);
            return;
        }

        if (piece.Length <= SmallPieceBytes)
        {
            MergeSmall(vocabulary, piece, ref sink);
        }
        else
        {
            MergeLarge(vocabulary, piece, ref sink);
        }
    }

    /// <summary>tiktoken's <c>byte_pair_merge</c>: repeatedly merge the adjacent pair of lowest rank, leftmost first.</summary>
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
    /// The same merge order as <see cref="MergeSmall"/> with a min-heap of (rank, start) over a linked list of
    /// parts: the heap's minimum is the lowest rank, leftmost on ties, exactly the pair tiktoken's scan picks.
    /// Entries made stale by a merge are skipped when popped: a (rank, start) pair names one byte string, so an
    /// entry is current exactly when the part at start still has that pair rank.
    /// </summary>
    private static unsafe void MergeLarge(Vocabulary vocabulary, ReadOnlySpan<byte> piece, ref TokenSink sink)
    {
        int n = piece.Length;
        int[] next = ArrayPool<int>.Shared.Rent(n);
        int[] prev = ArrayPool<int>.Shared.Rent(n);
        int[] pairRanks = ArrayPool<int>.Shared.Rent(n);
        int[] tokenRanks = ArrayPool<int>.Shared.Rent(n);
        long[] heap = ArrayPool<long>.Shared.Rent(3 * n);
        try
        {
            ReadOnlySpan<int> byteRanks = vocabulary.ByteRanks;
            int heapCount = 0;
            fixed (byte* p = piece)
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
                        heap[heapCount++] = ((long)r << 32) | (uint)i;
                    }
                }

                for (int i = (heapCount / 2) - 1; i >= 0; i--)
                {
                    SiftDown(heap, heapCount, i);
                }

                while (heapCount > 0)
                {
                    long top = heap[0];
                    heap[0] = heap[--heapCount];
                    SiftDown(heap, heapCount, 0);
                    int rank = (int)(top >> 32);
                    int at = (int)top;
                    if (pairRanks[at] != rank)
                    {
                        continue;
                    }

                    int absorbed = next[at];
                    int after = next[absorbed];
                    tokenRanks[at] = rank;
                    pairRanks[absorbed] = -1;
                    next[at] = after;
                    if (after < n)
                    {
                        prev[after] = at;
                        int r = vocabulary.Rank(p + at, next[after] - at);
                        pairRanks[at] = r;
                        if (r != NoRank)
                        {
                            Push(heap, ref heapCount, ((long)r << 32) | (uint)at);
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
                            Push(heap, ref heapCount, ((long)r << 32) | (uint)before);
                        }
                    }
                }
            }

            for (int i = 0; i < n; i = next[i])
            {
                sink.Add(tokenRanks[i]);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(next);
            ArrayPool<int>.Shared.Return(prev);
            ArrayPool<int>.Shared.Return(pairRanks);
            ArrayPool<int>.Shared.Return(tokenRanks);
            ArrayPool<long>.Shared.Return(heap);
        }
    }

    private static void Push(long[] heap, ref int count, long item)
    {
        int i = count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (heap[parent] <= item)
            {
                break;
            }

            heap[i] = heap[parent];
            i = parent;
        }

        heap[i] = item;
    }

    private static void SiftDown(long[] heap, int count, int i)
    {
        long item = heap[i];
        while (true)
        {
            int child = (2 * i) + 1;
            if (child >= count)
            {
                break;
            }

            if (child + 1 < count && heap[child + 1] < heap[child])
            {
                child++;
            }

            if (heap[child] >= item)
            {
                break;
            }

            heap[i] = heap[child];
            i = child;
        }

        heap[i] = item;
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
