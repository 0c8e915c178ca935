using System.Numerics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AgentCore.Tokenization;

/// <summary>
/// One tiktoken vocabulary (rank = token id), read in place from the table the build embeds
/// (see Vocabulary.targets for the format), including its open-addressing hash table from token bytes to rank
/// (load factor below 0.4, linear probing, tag bits in each slot).
/// </summary>
/// <remarks>
/// Load cost: one sequential pass over the token lengths (offsets, 1- and 2-byte tokens); no base64, no hashing,
/// no per-token allocation. Lookups allocate nothing. Immutable after construction, so thread-safe.
/// </remarks>
internal sealed unsafe class Vocabulary
{
    /// <summary>The rank returned for a byte sequence that is not a token.</summary>
    public const int NotFound = int.MaxValue;

    private const ulong Prime1 = 0x9E3779B97F4A7C15;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4F;
    private const ulong Prime3 = 0x165667B19E3779F9;

    /// <summary>
    /// log2 of the entries in the hot cache: a direct-mapped table of 16-byte entries (512 KB) of the 3- to 8-byte tokens
    /// of lowest rank (BPE ranks follow merge frequency, so these are the most common pieces). A hit costs one
    /// cache line instead of the three the full table touches (slot, offsets, token bytes).
    /// </summary>
    private const int HotBits = 15;

    /// <summary>Ranks below this are offered to the hot cache at load (lowest rank wins a shared entry).</summary>
    private const int HotRankLimit = 60_000;

    // SAFETY: points into the embedded resource (mapped with the executable image, never unloaded) or into a
    // pinned array that this object keeps alive through _pinnedCopy.
    private readonly byte* _blob;
    private readonly byte[]? _pinnedCopy;
    private readonly int[] _offsets;
    private readonly uint* _slots;
    private readonly int _slotMask;
    private readonly int _rankBits;
    private readonly uint _rankMask;
    private readonly int[] _byteRanks = new int[256];
    private readonly HotEntry[] _hot = new HotEntry[1 << HotBits];
    private readonly int[] _pairRanks = new int[65536];
    private ulong[]? _pairsInTokens;

    private Vocabulary(byte* table, byte[]? pinnedCopy)
    {
        _pinnedCopy = pinnedCopy;
        if (table[0] != 'A' || table[1] != 'C' || table[2] != 'V' || table[3] != '2')
        {
            throw new InvalidDataException("The embedded vocabulary table has an unknown format.");
        }

        int count = Unsafe.ReadUnaligned<int>(table + 4);
        int slotCount = Unsafe.ReadUnaligned<int>(table + 12);
        _rankBits = Unsafe.ReadUnaligned<int>(table + 16);
        byte* lengths = table + 20;
        _slots = (uint*)(lengths + ((count + 3) & ~3));
        _blob = (byte*)(_slots + slotCount);
        _slotMask = slotCount - 1;
        _rankMask = (1u << _rankBits) - 1;
        Count = count;

        // The only start-up work: offsets from lengths, and the direct tables for 1- and 2-byte tokens
        // (sequential passes over ~200 KB; the hash table itself was built by the build).
        int[] offsets = GC.AllocateUninitializedArray<int>(count + 1);
        _pairRanks.AsSpan().Fill(NotFound);
        _byteRanks.AsSpan().Fill(NotFound);
        int offset = 0;
        int maxLength = 0;
        for (int rank = 0; rank < count; rank++)
        {
            offsets[rank] = offset;
            int len = lengths[rank];
            if (len <= 2)
            {
                byte* p = _blob + offset;
                if (len == 1)
                {
                    _byteRanks[p[0]] = rank;
                }
                else
                {
                    _pairRanks[p[0] | (p[1] << 8)] = rank;
                }
            }

            offset += len;
            maxLength = Math.Max(maxLength, len);
        }

        offsets[count] = offset;
        _offsets = offsets;
        MaxTokenLength = maxLength;

        int hotLimit = Math.Min(count, HotRankLimit);
        for (int rank = 0; rank < hotLimit; rank++)
        {
            int len = lengths[rank];
            if (len is >= 3 and <= 8)
            {
                ulong key = ReadKey(_blob + offsets[rank], len);
                ref HotEntry entry = ref _hot[HotIndex(key, len)];
                if (entry.Length == 0)
                {
                    entry = new HotEntry(key, rank, len);
                }
            }
        }
    }

    /// <summary>Number of tokens (ranks 0..Count-1).</summary>
    public int Count { get; }

    /// <summary>Length in bytes of the longest token.</summary>
    public int MaxTokenLength { get; }

    /// <summary>Rank of every single byte (all 256 are tokens in tiktoken vocabularies).</summary>
    public ReadOnlySpan<int> ByteRanks => _byteRanks;

    /// <summary>Loads the table embedded under <paramref name="resourceName"/>.</summary>
    public static Vocabulary Load(string resourceName)
    {
        Assembly assembly = typeof(Vocabulary).Assembly;
        using Stream stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidDataException($"The vocabulary resource '{resourceName}' is missing from the build.");
        if (stream is UnmanagedMemoryStream unmanaged)
        {
            // The resource is mapped with the image: read it in place.
            return new Vocabulary(unmanaged.PositionPointer, null);
        }

        byte[] copy = GC.AllocateUninitializedArray<byte>(checked((int)stream.Length), pinned: true);
        stream.ReadExactly(copy);
        return new Vocabulary((byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(copy)), copy);
    }

    /// <summary>The bytes of token <paramref name="rank"/>.</summary>
    public ReadOnlySpan<byte> TokenBytes(int rank)
    {
        int start = _offsets[rank];
        return new ReadOnlySpan<byte>(_blob + start, _offsets[rank + 1] - start);
    }

    /// <summary>
    /// True when some token contains the bytes <paramref name="first"/>, <paramref name="second"/> next to each other.
    /// When no token does, no merge ever joins them, so a piece can be merged as two halves cut between them.
    /// </summary>
    /// <remarks>A 64 Kbit table built on first use (one pass over the token bytes, about a millisecond); thread-safe.</remarks>
    public bool PairInAnyToken(byte first, byte second)
    {
        ulong[] bits = Volatile.Read(ref _pairsInTokens) ?? BuildPairsInTokens();
        int pair = first | (second << 8);
        return (bits[pair >> 6] & (1UL << pair)) != 0;
    }

    private ulong[] BuildPairsInTokens()
    {
        ulong[] bits = new ulong[65536 / 64];
        for (int rank = 0; rank < Count; rank++)
        {
            ReadOnlySpan<byte> token = TokenBytes(rank);
            for (int i = 1; i < token.Length; i++)
            {
                int pair = token[i - 1] | (token[i] << 8);
                bits[pair >> 6] |= 1UL << pair;
            }
        }

        Volatile.Write(ref _pairsInTokens, bits);
        return bits;
    }

    /// <summary>Rank of the two-byte sequence <paramref name="first"/>, <paramref name="second"/>, or <see cref="NotFound"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int PairRank(byte first, byte second) => _pairRanks[first | (second << 8)];

    /// <summary>Rank of <paramref name="bytes"/>, or <see cref="NotFound"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Rank(ReadOnlySpan<byte> bytes)
    {
        fixed (byte* p = bytes)
        {
            return Rank(p, bytes.Length);
        }
    }

    /// <summary>Rank of the <paramref name="length"/> bytes at <paramref name="p"/>, or <see cref="NotFound"/>.</summary>
    public int Rank(byte* p, int length)
    {
        if (length > MaxTokenLength)
        {
            return NotFound;
        }

        if (length <= 2)
        {
            return length == 1 ? _byteRanks[p[0]] : _pairRanks[p[0] | (p[1] << 8)];
        }

        if (length <= 8)
        {
            // Unaligned 4-byte reads covering the sequence (overlapping for 5..7), then the hot cache.
            ulong key = length >= 4
                ? Unsafe.ReadUnaligned<uint>(p) | ((ulong)Unsafe.ReadUnaligned<uint>(p + length - 4) << (8 * (length - 4)))
                : (ulong)(p[0] | (p[1] << 8) | (p[2] << 16));
            ref HotEntry entry = ref _hot[HotIndex(key, length)];
            if (entry.Key == key && entry.Length == length)
            {
                return entry.Rank;
            }
        }

        ulong h = Hash(p, length);
        uint tag = Tag(h);
        uint* slots = _slots;
        int i = (int)h & _slotMask;
        while (true)
        {
            uint slot = slots[i];
            if (slot == 0)
            {
                return NotFound;
            }

            if ((slot & ~_rankMask) == tag)
            {
                int rank = (int)(slot & _rankMask) - 1;
                int start = _offsets[rank];
                if (_offsets[rank + 1] - start == length && SpanHelpersEqual(_blob + start, p, length))
                {
                    return rank;
                }
            }

            i = (i + 1) & _slotMask;
        }
    }

    /// <summary>
    /// Rank of <paramref name="length"/> bytes at <paramref name="start"/> of <paramref name="text"/>, or
    /// <see cref="NotFound"/>; consults the hot cache first. Reads up to 8 bytes from start when the text has them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int RankInText(ReadOnlySpan<byte> text, int start, int length)
    {
        fixed (byte* t = text)
        {
            byte* p = t + start;
            if ((uint)(length - 3) <= 5)
            {
                ulong key = start + 8 <= text.Length
                    ? Unsafe.ReadUnaligned<ulong>(p) & (ulong.MaxValue >> (64 - (8 * length)))
                    : ReadKey(p, length);
                ref HotEntry entry = ref _hot[HotIndex(key, length)];
                if (entry.Key == key && entry.Length == length)
                {
                    return entry.Rank;
                }
            }

            return Rank(p, length);
        }
    }

    /// <summary>The 1..8 bytes at <paramref name="p"/> as a little-endian integer, zero-extended.</summary>
    private static ulong ReadKey(byte* p, int length)
    {
        ulong key = 0;
        for (int i = length - 1; i >= 0; i--)
        {
            key = (key << 8) | p[i];
        }

        return key;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int HotIndex(ulong key, int length) => (int)(((key + (ulong)length) * Prime1) >> (64 - HotBits));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint Tag(ulong hash) => (uint)(hash >> (64 - (32 - _rankBits))) << _rankBits;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SpanHelpersEqual(byte* a, byte* b, int length)
    {
        if (length >= 8)
        {
            // Compare 8-byte words; the last word overlaps the previous one instead of a byte tail loop.
            int i = 0;
            for (; i + 8 < length; i += 8)
            {
                if (Unsafe.ReadUnaligned<ulong>(a + i) != Unsafe.ReadUnaligned<ulong>(b + i))
                {
                    return false;
                }
            }

            return Unsafe.ReadUnaligned<ulong>(a + length - 8) == Unsafe.ReadUnaligned<ulong>(b + length - 8);
        }

        if (length >= 4)
        {
            return Unsafe.ReadUnaligned<uint>(a) == Unsafe.ReadUnaligned<uint>(b)
                && Unsafe.ReadUnaligned<uint>(a + length - 4) == Unsafe.ReadUnaligned<uint>(b + length - 4);
        }

        return a[0] == b[0] && a[length >> 1] == b[length >> 1] && a[length - 1] == b[length - 1];
    }

    /// <summary>
    /// A fast 64-bit hash of a short byte sequence (not a security boundary: the keys are fixed). The build task in
    /// Vocabulary.targets computes the same function to lay out the table: change both together.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash(byte* p, int length)
    {
        ulong h;
        if (length >= 8)
        {
            h = (ulong)length * Prime3;
            int i = 0;
            for (; i + 8 < length; i += 8)
            {
                h = BitOperations.RotateLeft((h ^ Unsafe.ReadUnaligned<ulong>(p + i)) * Prime1, 29);
            }

            h = (h ^ Unsafe.ReadUnaligned<ulong>(p + length - 8)) * Prime1;
        }
        else if (length >= 4)
        {
            ulong v = Unsafe.ReadUnaligned<uint>(p) | ((ulong)Unsafe.ReadUnaligned<uint>(p + length - 4) << 32);
            h = (v ^ ((ulong)length * Prime3)) * Prime1;
        }
        else
        {
            ulong v = p[0] | ((ulong)p[length >> 1] << 8) | ((ulong)p[length - 1] << 16);
            h = (v ^ ((ulong)length * Prime3)) * Prime1;
        }

        h ^= h >> 31;
        h *= Prime2;
        h ^= h >> 29;
        return h;
    }

    private readonly record struct HotEntry(ulong Key, int Rank, int Length);
}
