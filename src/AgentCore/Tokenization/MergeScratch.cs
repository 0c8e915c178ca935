using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AgentCore.Tokenization;

/// <summary>
/// Per-thread working memory of the long-piece merge (<see cref="Tokenizer"/>.MergeLarge): part arrays and a
/// bucket queue keyed by rank. Every bucket is drained before a merge returns, so the per-rank heads and the
/// bitmaps are back to empty for the next piece without clearing. Grows on demand; never shrinks.
/// </summary>
internal sealed class MergeScratch
{
    [ThreadStatic]
    private static MergeScratch? t_instance;

    private int[] _heads = [];
    private ulong[] _level0 = [];
    private ulong[] _level1 = [];
    private ulong _level2;
    // Bucket lists: entry = (position, index of the next entry of the same bucket or -1), newest first.
    private Entry[] _entries = new Entry[1024];
    private int _entryCount;
    private int[] _bucket = new int[1024];
    private ulong[] _positionBits = new ulong[64];

    /// <summary>The parts of the piece being merged, indexed by start byte (one cache line holds four).</summary>
    public Part[] Parts { get; private set; } = [];

    /// <summary>The calling thread's scratch, sized for ranks below <paramref name="rankCount"/> and <paramref name="pieceLength"/> parts.</summary>
    public static MergeScratch For(int rankCount, int pieceLength)
    {
        MergeScratch s = t_instance ??= new MergeScratch();
        if (s._heads.Length < rankCount)
        {
            s._heads = new int[rankCount];
            s._heads.AsSpan().Fill(-1);
            s._level0 = new ulong[(rankCount + 63) / 64];
            s._level1 = new ulong[(s._level0.Length + 63) / 64];
            if (s._level1.Length > 64)
            {
                throw new InvalidOperationException("Vocabulary too large for the merge bucket queue.");
            }
        }

        if (s.Parts.Length < pieceLength)
        {
            s.Parts = new Part[(int)Math.Max(BitOperations.RoundUpToPowerOf2((uint)pieceLength), 256)];
        }

        s._entryCount = 0;
        return s;
    }

    /// <summary>Adds position <paramref name="position"/> to the bucket of <paramref name="rank"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Insert(int rank, int position)
    {
        int e = _entryCount++;
        if (e == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        // SAFETY: e < _entries.Length (grown above); rank < _heads.Length and rank >> 6 < _level0.Length (sized in
        // For for every rank of the vocabulary); word >> 6 < _level1.Length <= 64.
        ref int head = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_heads), rank);
        ref Entry entry = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_entries), e);
        entry.Position = position;
        entry.Next = head;
        if (head < 0)
        {
            int word = rank >> 6;
            Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_level0), word) |= 1UL << rank;
            Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_level1), word >> 6) |= 1UL << word;
            _level2 |= 1UL << (word >> 6);
        }

        head = e;
    }

    /// <summary>
    /// Removes the non-empty bucket of lowest rank and returns that rank, with its positions in ascending order in
    /// <paramref name="positions"/> (valid until the next call); -1 when every bucket is empty.
    /// </summary>
    public int TakeLowestBucket(out Span<int> positions)
    {
        if (_level2 == 0)
        {
            positions = default;
            return -1;
        }

        int i1 = BitOperations.TrailingZeroCount(_level2);
        int i0 = (i1 << 6) + BitOperations.TrailingZeroCount(_level1[i1]);
        int rank = (i0 << 6) + BitOperations.TrailingZeroCount(_level0[i0]);

        _level0[i0] &= ~(1UL << rank);
        if (_level0[i0] == 0)
        {
            _level1[i1] &= ~(1UL << i0);
            if (_level1[i1] == 0)
            {
                _level2 &= ~(1UL << i1);
            }
        }

        // The list is newest first: copy it, then reverse, which is ascending when positions were added in order.
        int count = 0;
        bool descending = true;
        int[] bucket = _bucket;
        Entry[] entries = _entries;
        for (int e = _heads[rank]; e >= 0; e = entries[e].Next)
        {
            if (count == bucket.Length)
            {
                Array.Resize(ref _bucket, bucket.Length * 2);
                bucket = _bucket;
            }

            int position = entries[e].Position;
            if (count > 0 && bucket[count - 1] < position)
            {
                descending = false;
            }

            bucket[count++] = position;
        }

        _heads[rank] = -1;
        positions = bucket.AsSpan(0, count);
        if (descending)
        {
            positions.Reverse();
        }
        else if (count <= 32)
        {
            positions.Sort();
        }
        else
        {
            positions = SortLarge(positions);
        }

        return rank;
    }

    /// <summary>
    /// Ascending order of a large bucket through a bitmap over positions (O(count + span / 64), duplicates dropped),
    /// instead of a comparison sort: in long uniform pieces a bucket holds thousands of interleaved entries.
    /// </summary>
    private Span<int> SortLarge(Span<int> positions)
    {
        int min = int.MaxValue;
        int max = 0;
        foreach (int position in positions)
        {
            min = Math.Min(min, position);
            max = Math.Max(max, position);
        }

        int words = (max >> 6) + 1;
        if (_positionBits.Length < words)
        {
            _positionBits = new ulong[BitOperations.RoundUpToPowerOf2((uint)words)];
        }

        ulong[] bits = _positionBits;
        foreach (int position in positions)
        {
            bits[position >> 6] |= 1UL << position;
        }

        int m = 0;
        for (int w = min >> 6; w < words; w++)
        {
            ulong x = bits[w];
            if (x == 0)
            {
                continue;
            }

            bits[w] = 0;
            do
            {
                positions[m++] = (w << 6) + BitOperations.TrailingZeroCount(x);
                x &= x - 1;
            }
            while (x != 0);
        }

        return positions[..m];
    }

    /// <summary>One part of a piece during the long-piece merge.</summary>
    internal struct Part
    {
        /// <summary>Start of the next part (the piece length after the last).</summary>
        public int Next;

        /// <summary>Start of the previous part, or -1.</summary>
        public int Prev;

        /// <summary>Token id of this part's bytes.</summary>
        public int Token;

        /// <summary>Rank of this part joined with the next, NotFound, or -1 once the part was absorbed.</summary>
        public int Pair;
    }

    private struct Entry
    {
        public int Position;
        public int Next;
    }
}
