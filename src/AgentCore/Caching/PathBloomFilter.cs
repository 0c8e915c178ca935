using System.Runtime.CompilerServices;

namespace AgentCore.Caching;

/// <summary>
/// A Bloom filter over workspace paths: "is this path in the workspace?" answered without a file-system call when
/// the answer is no. Never a false negative; false positives at about the rate it was sized for
/// (<c>m = -n ln p / ln² 2</c> bits, <c>k = (m/n) ln 2</c> hashes, double hashing of two 64-bit hashes).
/// </summary>
/// <remarks><see cref="Add"/> and <see cref="MightContain"/> are thread-safe (bits are set with <see cref="Interlocked.Or(ref ulong, ulong)"/>).</remarks>
internal sealed class PathBloomFilter
{
    private readonly ulong[] _bits;
    private readonly long _bitCount;

    /// <summary>Sizes the filter for <paramref name="expectedItems"/> paths at <paramref name="falsePositiveRate"/>.</summary>
    public PathBloomFilter(long expectedItems, double falsePositiveRate = 0.01)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(falsePositiveRate, 1e-9);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(falsePositiveRate, 1.0);
        long n = Math.Max(1, expectedItems);
        double ln2 = Math.Log(2);
        _bitCount = Math.Max(64, (long)Math.Ceiling(-n * Math.Log(falsePositiveRate) / (ln2 * ln2)));
        _bits = new ulong[(_bitCount + 63) / 64];
        _bitCount = _bits.LongLength * 64;
        HashCount = Math.Clamp((int)Math.Round((double)_bitCount / n * ln2), 1, 30);
    }

    /// <summary>The number of hash functions.</summary>
    public int HashCount { get; }

    /// <summary>The size of the bit array, in bytes.</summary>
    public long SizeBytes => _bits.LongLength * 8;

    /// <summary>Adds a path.</summary>
    public void Add(ReadOnlySpan<char> path)
    {
        (ulong h1, ulong h2) = Hash(path);
        for (int i = 0; i < HashCount; i++)
        {
            ulong bit = (h1 + ((ulong)i * h2)) % (ulong)_bitCount;
            Interlocked.Or(ref _bits[bit >> 6], 1UL << (int)(bit & 63));
        }
    }

    /// <summary>False when the path was certainly never added; true when it probably was.</summary>
    public bool MightContain(ReadOnlySpan<char> path)
    {
        (ulong h1, ulong h2) = Hash(path);
        for (int i = 0; i < HashCount; i++)
        {
            ulong bit = (h1 + ((ulong)i * h2)) % (ulong)_bitCount;
            if ((Volatile.Read(ref _bits[bit >> 6]) & (1UL << (int)(bit & 63))) == 0)
            {
                return false;
            }
        }

        return true;
    }

    // FNV-1a over the UTF-16 code units, then two splitmix64 finalizers for independent halves.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong, ulong) Hash(ReadOnlySpan<char> s)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in s)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        ulong a = Mix(h);
        ulong b = Mix(h ^ 0x9E3779B97F4A7C15UL) | 1;
        return (a, b);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
