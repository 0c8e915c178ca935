using System.Buffers;
using System.Text.Json;
using AgentCore.Json;
using AgentCore.Threading;
using AgentCore.Tokenization;

namespace AgentCore.Conversations;

public sealed partial class Conversation
{
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
            var reader = new Utf8JsonReader(utf8JsonArray, JsonReading.Options);
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
            var reader = new Utf8JsonReader(utf8Json, JsonReading.Options);
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

    // Counts entries [from, to) added with zero counts and adds them to the running total.
    private void CountEntries(int from, int to, bool parallel)
    {
        if (parallel && Environment.ProcessorCount > 1)
        {
            Entry[] entries = _entries;
            bool tools = _countToolBlocks;
            Exception? failure = ParallelWork.For(from, to, i => entries[i].SetCounts(MessageTokenCounter.Count(entries[i].Slice.Span, tools)));
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
}
