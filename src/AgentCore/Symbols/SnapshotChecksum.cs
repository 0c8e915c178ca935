using System.Buffers.Binary;

namespace AgentCore.Symbols;

/// <summary>
/// The snapshot's 64-bit checksum: the xxHash64 construction (seed 0; four independent multiply-rotate lanes over
/// 32-byte blocks, then the 8-byte and 1-byte tail and a final avalanche). It detects truncation and flipped bytes,
/// and the four lanes run in parallel on the CPU, so verifying a 25 MB snapshot costs a few milliseconds where the
/// single-lane hash of snapshot version 1 cost about four times as much. Incremental: whole blocks are fed as a writer
/// produces them, the tail at the end.
/// </summary>
internal struct SnapshotChecksum
{
    public const int BlockSize = 32;
    private const ulong Prime1 = 0x9E3779B185EBCA87UL, Prime2 = 0xC2B2AE3D27D4EB4FUL, Prime3 = 0x165667B19E3779F9UL;
    private const ulong Prime4 = 0x85EBCA77C2B2AE63UL, Prime5 = 0x27D4EB2F165667C5UL;

    private ulong _v1, _v2, _v3, _v4;
    private long _length;
    private bool _started;

    /// <summary>The checksum of <paramref name="data"/> in one call.</summary>
    public static ulong Compute(ReadOnlySpan<byte> data)
    {
        var c = default(SnapshotChecksum);
        int whole = data.Length - (data.Length % BlockSize);
        c.AddBlocks(data[..whole]);
        return c.Finish(data[whole..]);
    }

    /// <summary>Feeds whole 32-byte blocks (<paramref name="blocks"/>.Length is a multiple of 32).</summary>
    public void AddBlocks(ReadOnlySpan<byte> blocks)
    {
        if (!_started)
        {
            _v1 = unchecked(Prime1 + Prime2);
            _v2 = Prime2;
            _v3 = 0;
            _v4 = unchecked(0 - Prime1);
            _started = true;
        }

        ulong v1 = _v1, v2 = _v2, v3 = _v3, v4 = _v4;
        for (int i = 0; i + BlockSize <= blocks.Length; i += BlockSize)
        {
            v1 = Round(v1, BinaryPrimitives.ReadUInt64LittleEndian(blocks[i..]));
            v2 = Round(v2, BinaryPrimitives.ReadUInt64LittleEndian(blocks[(i + 8)..]));
            v3 = Round(v3, BinaryPrimitives.ReadUInt64LittleEndian(blocks[(i + 16)..]));
            v4 = Round(v4, BinaryPrimitives.ReadUInt64LittleEndian(blocks[(i + 24)..]));
        }

        (_v1, _v2, _v3, _v4) = (v1, v2, v3, v4);
        _length += blocks.Length;
    }

    /// <summary>Feeds the last bytes (fewer than 32) and returns the checksum.</summary>
    public ulong Finish(ReadOnlySpan<byte> tail)
    {
        ulong h;
        if (_length > 0)
        {
            h = ulong.RotateLeft(_v1, 1) + ulong.RotateLeft(_v2, 7) + ulong.RotateLeft(_v3, 12) + ulong.RotateLeft(_v4, 18);
            h = Merge(h, _v1);
            h = Merge(h, _v2);
            h = Merge(h, _v3);
            h = Merge(h, _v4);
        }
        else
        {
            h = Prime5;
        }

        h += (ulong)(_length + tail.Length);
        int i = 0;
        for (; i + 8 <= tail.Length; i += 8)
        {
            h ^= Round(0, BinaryPrimitives.ReadUInt64LittleEndian(tail[i..]));
            h = (ulong.RotateLeft(h, 27) * Prime1) + Prime4;
        }

        if (i + 4 <= tail.Length)
        {
            h ^= BinaryPrimitives.ReadUInt32LittleEndian(tail[i..]) * Prime1;
            h = (ulong.RotateLeft(h, 23) * Prime2) + Prime3;
            i += 4;
        }

        for (; i < tail.Length; i++)
        {
            h ^= tail[i] * Prime5;
            h = ulong.RotateLeft(h, 11) * Prime1;
        }

        h ^= h >> 33;
        h *= Prime2;
        h ^= h >> 29;
        h *= Prime3;
        return h ^ (h >> 32);
    }

    private static ulong Round(ulong acc, ulong input) => ulong.RotateLeft(acc + (input * Prime2), 31) * Prime1;

    private static ulong Merge(ulong h, ulong v) => ((h ^ Round(0, v)) * Prime1) + Prime4;
}
