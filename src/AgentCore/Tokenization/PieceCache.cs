using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AgentCore.Tokenization;

/// <summary>
/// Per-thread, per-encoding memo of pieces that are not tokens themselves: piece bytes -> the ids the merge
/// produced. Text repeats its words, so most merges after warm-up become one hash and one compare.
/// Direct-mapped (a new piece replaces the old one in its entry), fixed size (256 KB per thread and encoding),
/// no allocation after the first use. Correctness does not depend on it: a hit returns exactly what the merge
/// returned for the same bytes.
/// </summary>
internal sealed class PieceCache
{
    /// <summary>Longest piece cached, in bytes.</summary>
    public const int MaxPieceBytes = 24;

    /// <summary>Most ids cached for one piece.</summary>
    public const int MaxIds = 7;

    private const int Bits = 12;

    [ThreadStatic]
    private static PieceCache? t_o200k;

    [ThreadStatic]
    private static PieceCache? t_cl100k;

    private readonly Entry[] _entries = new Entry[1 << Bits];

    public static PieceCache O200k => t_o200k ??= new PieceCache();

    public static PieceCache Cl100k => t_cl100k ??= new PieceCache();

    /// <summary>
    /// Looks <paramref name="piece"/> up: returns -1 with its ids in <paramref name="ids"/> on a hit, else the entry
    /// index to pass to <see cref="Store"/>.
    /// </summary>
    public int Find(ReadOnlySpan<byte> piece, out ReadOnlySpan<int> ids)
    {
        ulong hash = HashOf(piece);
        int index = (int)(hash >> (64 - Bits));
        ref Entry e = ref _entries[index];
        if (e.Hash == hash && e.Length == piece.Length && piece.SequenceEqual(MemoryMarshal.CreateReadOnlySpan(ref e.Bytes[0], e.Length)))
        {
            ids = MemoryMarshal.CreateReadOnlySpan(ref e.Ids[0], e.IdCount);
            return -1;
        }

        ids = default;
        return index;
    }

    /// <summary>Stores the ids of <paramref name="piece"/> in entry <paramref name="index"/> (if they fit).</summary>
    public void Store(int index, ReadOnlySpan<byte> piece, ReadOnlySpan<int> ids)
    {
        if (ids.Length > MaxIds)
        {
            return;
        }

        ref Entry e = ref _entries[index];
        e.Hash = HashOf(piece);
        e.Length = (byte)piece.Length;
        e.IdCount = (byte)ids.Length;
        piece.CopyTo(e.Bytes);
        ids.CopyTo(e.Ids);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong HashOf(ReadOnlySpan<byte> piece)
    {
        // Non-cryptographic: the content decides only which entry is used, never the result.
        ulong h = (ulong)piece.Length * 0x9E3779B97F4A7C15;
        int i = 0;
        for (; i + 8 <= piece.Length; i += 8)
        {
            h = (h ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.AsRef(in piece[i]))) * 0xC2B2AE3D27D4EB4F;
            h ^= h >> 29;
        }

        for (; i < piece.Length; i++)
        {
            h = (h ^ piece[i]) * 0x100000001B3;
        }

        h ^= h >> 32;
        h *= 0x9E3779B97F4A7C15;
        return h == 0 ? 1 : h;
    }

    private struct Entry
    {
        public ulong Hash;
        public byte Length;
        public byte IdCount;
        public PieceBytes Bytes;
        public PieceIds Ids;
    }

    [InlineArray(MaxPieceBytes)]
    private struct PieceBytes
    {
        private byte _element;
    }

    [InlineArray(MaxIds)]
    private struct PieceIds
    {
        private int _element;
    }
}
