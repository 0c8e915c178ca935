using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
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

    /// <summary>Reads a whole history (a JSON array of entries, e.g. an <c>api_conversation_history.json</c>).</summary>
    /// <exception cref="InvalidDataException">The text is not JSON or not an array.</exception>
    public static Conversation FromJson(ReadOnlySpan<byte> utf8Json, ConversationOptions? options = null)
    {
        var conversation = new Conversation(options);
        try
        {
            conversation.AppendAll(utf8Json);
        }
        catch
        {
            conversation.Dispose();
            throw;
        }

        return conversation;
    }

    /// <summary>Appends every entry of a JSON array.</summary>
    /// <exception cref="InvalidDataException">The text is not JSON or not an array.</exception>
    public void AppendAll(ReadOnlySpan<byte> utf8JsonArray)
    {
        int first = _count;
        try
        {
            var reader = new Utf8JsonReader(utf8JsonArray, JsonCanonicalizer.ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                throw new InvalidDataException("expected a JSON array of messages");
            }

            // Canonicalise into the arena first; count afterwards, in parallel when there is enough text: loading
            // a long history is tokenization-bound, and entries are independent.
            long bytesBefore = _liveBytes;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                BeginScratch();
                JsonCanonicalizer.WriteValue(ref reader, _writer);
                Insert(_count, _scratch.WrittenSpan, default);
                ReleaseLargeScratch();
            }

            if (reader.Read())
            {
                throw new InvalidDataException("unexpected data after the JSON array");
            }

            CountEntries(first, _count, parallel: _liveBytes - bytesBefore >= ParallelCountThreshold);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            RemoveRange(first, _count - first); // all or nothing
            throw e as InvalidDataException ?? new InvalidDataException($"invalid JSON ({e.Message})", e);
        }
    }

    /// <summary>Appends one entry given as JSON (any value; normally <c>{"role":...,"content":...,"ts":...}</c>).</summary>
    /// <exception cref="InvalidDataException">The text is not one JSON value.</exception>
    public void AppendJson(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json, JsonCanonicalizer.ReaderOptions);
            if (!reader.Read())
            {
                throw new InvalidDataException("empty message JSON");
            }

            BeginScratch();
            JsonCanonicalizer.WriteValue(ref reader, _writer);
            if (reader.Read())
            {
                throw new InvalidDataException("unexpected data after the message JSON");
            }
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"invalid JSON ({e.Message})", e);
        }

        AddScratch();
    }

    /// <summary>Appends <c>{"role":ROLE,"content":[{"type":"text","text":TEXT}],"ts":TS}</c> (ts omitted when null).</summary>
    public void Append(MessageRole role, string text, long? ts = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        BeginScratch();
        WriteRole(role);
        _writer.WritePropertyName("content");
        _writer.WriteStartArray();
        _writer.WriteStartObject();
        _writer.WriteString("type", "text");
        _writer.WriteString("text", text);
        _writer.WriteEndObject();
        _writer.WriteEndArray();
        EndMessage(ts, isSummary: false);

        // The text is the whole content: count it directly instead of re-reading the JSON.
        Insert(_count, _scratch.WrittenSpan, new MessageTokenCounter.Result(MessageTokenCounter.CountText(text), role, false));
        ReleaseLargeScratch();
    }

    /// <summary>
    /// Appends a text message given as UTF-8 (e.g. straight from a stream or a file), without making a string:
    /// <c>{"role":ROLE,"content":[{"type":"text","text":TEXT}],"ts":TS}</c>. Invalid UTF-8 becomes U+FFFD.
    /// </summary>
    public void Append(MessageRole role, ReadOnlySpan<byte> utf8Text, long? ts = null)
    {
        BeginScratch();
        WriteRole(role);
        _writer.WritePropertyName("content");
        _writer.WriteStartArray();
        _writer.WriteStartObject();
        _writer.WriteString("type", "text");
        _writer.WritePropertyName("text");
        _writer.WriteStringValueUtf8(utf8Text);
        _writer.WriteEndObject();
        _writer.WriteEndArray();
        EndMessage(ts, isSummary: false);
        int tokens = utf8Text.IsEmpty ? 0 : Tokenizer.O200kBase.CountTokensUtf8(utf8Text);
        Insert(_count, _scratch.WrittenSpan, new MessageTokenCounter.Result(tokens, role, false));
        ReleaseLargeScratch();
    }

    /// <summary>Appends an entry with a content array of <paramref name="blocks"/>.</summary>
    public void Append(MessageRole role, ReadOnlySpan<ContentBlock> blocks, long? ts = null)
    {
        BeginScratch();
        WriteRole(role);
        _writer.WritePropertyName("content");
        _writer.WriteStartArray();
        foreach (ContentBlock block in blocks)
        {
            WriteBlock(block);
        }

        _writer.WriteEndArray();
        EndMessage(ts, isSummary: false);
        AddScratch();
    }

    /// <summary>Appends a condense summary as the extension writes it: <c>{"role":"assistant","content":SUMMARY,"ts":TS,"isSummary":true}</c>.</summary>
    public void AppendSummary(string summary, double? ts)
    {
        BeginScratch();
        WriteSummary(summary, ts);
        AddScratch();
    }

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

    /// <summary>Writes the history as the extension saves it: a compact JSON array of the entries.</summary>
    public void WriteJson(IBufferWriter<byte> output)
    {
        Span<byte> open = output.GetSpan(1);
        open[0] = (byte)'[';
        output.Advance(1);
        for (int i = 0; i < _count; i++)
        {
            ReadOnlySpan<byte> json = _entries[i].Slice.Span;
            Span<byte> dest = output.GetSpan(json.Length + 1);
            int pos = 0;
            if (i > 0)
            {
                dest[pos++] = (byte)',';
            }

            json.CopyTo(dest[pos..]);
            output.Advance(pos + json.Length);
        }

        Span<byte> close = output.GetSpan(1);
        close[0] = (byte)']';
        output.Advance(1);
    }

    /// <summary>Writes the history to <paramref name="stream"/> as compact JSON (see <see cref="WriteJson(System.Buffers.IBufferWriter{byte})"/>), entry by entry from the arena.</summary>
    public void WriteJson(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.WriteByte((byte)'[');
        for (int i = 0; i < _count; i++)
        {
            if (i > 0)
            {
                stream.WriteByte((byte)',');
            }

            stream.Write(_entries[i].Slice.Span);
        }

        stream.WriteByte((byte)']');
    }

    /// <summary>The history as compact JSON (see <see cref="WriteJson(System.Buffers.IBufferWriter{byte})"/>).</summary>
    public byte[] ToJsonBytes()
    {
        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(int.MaxValue, _liveBytes + _count + 2));
        WriteJson(buffer);
        return buffer.WrittenSpan.ToArray();
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

    // Counts entries [from, to) added with zero counts and adds them to the running total.
    private void CountEntries(int from, int to, bool parallel)
    {
        if (parallel && Environment.ProcessorCount > 1)
        {
            Entry[] entries = _entries;
            bool tools = _countToolBlocks;
            Exception? failure = ParallelCounter.Run(from, to, i => entries[i].SetCounts(MessageTokenCounter.Count(entries[i].Slice.Span, tools)));
            if (failure is not null)
            {
                for (int i = from; i < to; i++)
                {
                    entries[i].RawTokens = 0; // nothing of this batch is in the running total yet
                }

                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            }

            for (int i = from; i < to; i++)
            {
                _rawTokens += entries[i].RawTokens;
            }

            return;
        }

        for (int i = from; i < to; i++)
        {
            MessageTokenCounter.Result r = MessageTokenCounter.Count(_entries[i].Slice.Span, _countToolBlocks);
            _entries[i].SetCounts(r);
            _rawTokens += r.RawTokens;
        }
    }

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
            throw new InvalidDataException("a message has more than 2^31 tokens");
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

    private void WriteRole(MessageRole role)
    {
        _writer.WriteStartObject();
        if (role != MessageRole.None)
        {
            _writer.WriteString("role", role == MessageRole.User ? "user" : "assistant");
        }
    }

    private void EndMessage(double? ts, bool isSummary)
    {
        if (ts is double t)
        {
            _writer.WriteNumber("ts", t);
        }

        if (isSummary)
        {
            _writer.WriteBoolean("isSummary", true);
        }

        _writer.WriteEndObject();
    }

    private void WriteSummary(string summary, double? ts)
    {
        WriteRole(MessageRole.Assistant);
        _writer.WriteString("content", summary);
        EndMessage(ts, isSummary: true);
    }

    private void WriteBlock(ContentBlock block)
    {
        _writer.WriteStartObject();
        switch (block.Type)
        {
            case ContentBlockType.Text:
                _writer.WriteString("type", "text");
                _writer.WriteString("text", block.Text);
                break;
            case ContentBlockType.Image:
                _writer.WriteString("type", "image");
                _writer.WritePropertyName("source");
                _writer.WriteStartObject();
                _writer.WriteString("type", "base64");
                _writer.WriteString("media_type", block.MediaType);
                _writer.WriteString("data", block.Data);
                _writer.WriteEndObject();
                break;
            case ContentBlockType.ToolUse:
                _writer.WriteString("type", "tool_use");
                _writer.WriteString("id", block.Id);
                _writer.WriteString("name", block.Name);
                _writer.WritePropertyName("input");
                WriteRawJsonValue(block.InputJson ?? "{}");
                break;
            case ContentBlockType.ToolResult:
                _writer.WriteString("type", "tool_result");
                _writer.WriteString("tool_use_id", block.Id);
                _writer.WriteString("content", block.Text);
                if (block.IsError)
                {
                    _writer.WriteBoolean("is_error", true);
                }

                break;
        }

        _writer.WriteEndObject();
    }

    private void WriteRawJsonValue(string json)
    {
        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(json);
        try
        {
            var reader = new Utf8JsonReader(utf8, JsonCanonicalizer.ReaderOptions);
            reader.Read();
            JsonCanonicalizer.WriteValue(ref reader, _writer);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"tool input is not valid JSON ({e.Message})", nameof(json), e);
        }
    }

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
                throw new InvalidDataException("a message has more than 2^31 tokens");
            }

            RawTokens = (int)r.RawTokens;
            Role = r.Role;
            IsSummary = r.IsSummary;
        }
    }
}
