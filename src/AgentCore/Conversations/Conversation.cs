using System.Buffers;
using AgentCore.Json;
using AgentCore.Memory;
using AgentCore.Tokenization;

namespace AgentCore.Conversations;

/// <summary>
/// An API conversation history (the extension's <c>api_conversation_history.json</c>) kept in pooled memory: each
/// entry is stored once as compact UTF-8 JSON in a <see cref="Utf8Arena"/>, with its role and its token count
/// cached at append time, so a context estimate never re-tokenizes history.
/// </summary>
/// <remarks>
/// <para>Memory: the JSON bytes (≈ the UTF-8 size of the text plus ~60 bytes of JSON per entry and escapes) in
/// 64 KiB pooled segments (≤ 6.25 % slack), plus a 24-byte entry per message in one growable array.</para>
/// <para>Cost: append O(message length) (one canonicalisation, one copy, one tokenization); the token total and
/// per-message estimates are O(1). <see cref="Clear"/> returns all segments to the pool at once.</para>
/// <para>Not thread-safe: one writer at a time, and no reads concurrent with a write.</para>
/// </remarks>
public sealed partial class Conversation : IDisposable
{
    private const int ScratchRetainLimit = 256 * 1024;
    private const int ParallelCountThreshold = 256 * 1024;

    private readonly bool _countToolBlocks;
    private Utf8Arena _arena;
    private readonly ArenaSegmentPool? _pool;
    private Entry[] _entries = [];
    private int _count;
    private long _rawTokens;
    private long _liveBytes;
    private ArrayBufferWriter<byte> _scratch = new(1024);
    private JsJsonWriter _writer;

    /// <summary>Creates an empty conversation.</summary>
    public Conversation(ConversationOptions? options = null)
    {
        options ??= ConversationOptions.Default;
        _countToolBlocks = options.CountToolBlocks;
        _pool = options.SegmentPool;
        _arena = new Utf8Arena(_pool);
        _writer = new JsJsonWriter(_scratch);
    }

    /// <summary>Number of entries.</summary>
    public int Count => _count;

    /// <summary>Sum of every entry's tokens before the ×1.5 factor (maintained on every change: O(1)).</summary>
    public long RawTokenTotal => _rawTokens;

    /// <summary>Bytes of entry JSON currently held.</summary>
    public long JsonBytes => _liveBytes;

    /// <summary>Bytes this conversation holds: arena segments, the entry table and the scratch buffer.</summary>
    public long MemoryBytes => _arena.CapacityBytes + ((long)_entries.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<Entry>()) + _scratch.Capacity;

    /// <summary>The entry at <paramref name="index"/>.</summary>
    public ConversationMessage this[int index]
    {
        get
        {
            ref Entry e = ref EntryAt(index);
            return new ConversationMessage(e.Slice.Span, e.RawTokens, e.Role, e.IsSummary);
        }
    }

    /// <summary>The extension's estimate of the whole history's content: <c>ceil(RawTokenTotal × 1.5)</c>. O(1).</summary>
    public int EstimateTokenCount() => TokenEstimator.ApplyFudgeFactor(_rawTokens);

    /// <summary>
    /// The extension's <c>estimateTokenCount</c> of entry <paramref name="index"/>'s content (a string content counts
    /// as one text block; a missing one as 0). O(1): the count was cached when the entry was added.
    /// </summary>
    public int EstimateTokenCount(int index) => TokenEstimator.ApplyFudgeFactor(EntryAt(index).RawTokens);

    /// <summary>Removes <paramref name="count"/> entries starting at <paramref name="index"/>.</summary>
    public void RemoveRange(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index + count, _count);
        for (int i = index; i < index + count; i++)
        {
            _rawTokens -= _entries[i].RawTokens;
            _liveBytes -= _entries[i].Slice.Length;
        }

        Array.Copy(_entries, index + count, _entries, index, _count - index - count);
        _count -= count;
        Array.Clear(_entries, _count, count);
        CompactIfWasteful();
    }

    /// <summary>
    /// Replaces everything between the first message and <paramref name="keepStart"/> with a condense summary:
    /// the history becomes <c>[first, summary, ...messages from keepStart]</c>.
    /// </summary>
    internal void ReplaceWithSummary(int keepStart, string summary, double? ts)
    {
        RemoveRange(1, Math.Max(0, keepStart - 1));
        BeginScratch();
        WriteSummary(summary, ts);
        ReadOnlySpan<byte> json = _scratch.WrittenSpan;
        Insert(Math.Min(1, _count), json, MessageTokenCounter.Count(json, _countToolBlocks));
        ReleaseLargeScratch();
    }

    /// <summary>Removes every entry and returns all arena segments to the pool; the entry table is kept for reuse.</summary>
    public void Clear()
    {
        _arena.Clear();
        Array.Clear(_entries, 0, _count);
        _count = 0;
        _rawTokens = 0;
        _liveBytes = 0;
    }

    /// <summary>Same as <see cref="Clear"/>.</summary>
    public void Dispose() => Clear();

    private ref Entry EntryAt(int index)
    {
        if ((uint)index >= (uint)_count)
        {
            ThrowIndex(index);
        }

        return ref _entries[index];
    }

    private void BeginScratch()
    {
        _scratch.ResetWrittenCount();
        _writer.Reset();
    }

    private void AddScratch()
    {
        ReadOnlySpan<byte> json = _scratch.WrittenSpan;
        Insert(_count, json, MessageTokenCounter.Count(json, _countToolBlocks));
        ReleaseLargeScratch();
    }

    private void ReleaseLargeScratch()
    {
        if (_scratch.Capacity > ScratchRetainLimit)
        {
            _scratch = new ArrayBufferWriter<byte>(1024);
            _writer = new JsJsonWriter(_scratch);
        }
    }

    private void Insert(int index, ReadOnlySpan<byte> json, MessageTokenCounter.Result counts)
    {
        if (counts.RawTokens > int.MaxValue)
        {
            ThrowTooManyTokens();
        }

        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, Math.Max(16, _entries.Length * 2));
        }

        if (index < _count)
        {
            Array.Copy(_entries, index, _entries, index + 1, _count - index);
        }

        _entries[index] = new Entry(_arena.Append(json), (int)counts.RawTokens, counts.Role, counts.IsSummary);
        _count++;
        _rawTokens += counts.RawTokens;
        _liveBytes += json.Length;
    }

    // After truncations the arena holds removed entries' bytes too; once they are more than half of it, copy the
    // live entries into a fresh arena and give the old segments back (amortised O(1) per removed byte).
    private void CompactIfWasteful()
    {
        if (_arena.UsedBytes < 64 * 1024 || _arena.UsedBytes < 2 * _liveBytes)
        {
            return;
        }

        var fresh = new Utf8Arena(_pool);
        for (int i = 0; i < _count; i++)
        {
            _entries[i].Slice = fresh.Append(_entries[i].Slice.Span);
        }

        _arena.Clear();
        _arena = fresh;
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowTooManyTokens() => throw new InvalidDataException("a message has more than 2^31 tokens");

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void ThrowIndex(int index) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, $"the conversation has {_count} messages");

    private struct Entry(ArenaSlice slice, int rawTokens, MessageRole role, bool isSummary)
    {
        public ArenaSlice Slice = slice;
        public int RawTokens = rawTokens;
        public MessageRole Role = role;
        public bool IsSummary = isSummary;

        public void SetCounts(MessageTokenCounter.Result r)
        {
            if (r.RawTokens > int.MaxValue)
            {
                ThrowTooManyTokens();
            }

            RawTokens = (int)r.RawTokens;
            Role = r.Role;
            IsSummary = r.IsSummary;
        }
    }
}
