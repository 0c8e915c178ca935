using System.Buffers;
using System.Text;
using System.Text.Json;

namespace AgentCore.Json;

/// <summary>
/// Re-serialises parsed JSON exactly as <c>JSON.stringify(JSON.parse(text))</c> would: compact, strings escaped the
/// JavaScript way, numbers in <c>Number::toString</c> form, and object keys in JavaScript's property order: keys that
/// are array indices (canonical integers 0 .. 2^32 − 2) first in ascending numeric order, then the other keys in the
/// order they first appear; a repeated key keeps its first position and takes its last value. A file the extension
/// wrote therefore comes out byte for byte as it went in.
/// </summary>
/// <remarks>
/// Objects whose keys are all plain and distinct (what the extension writes) are streamed token by token; only an
/// object with an array-index key, an escaped key, a repeated key or more than <see cref="FastPathKeys"/> keys takes
/// the reordering path, which canonicalises each member into its own buffer and writes them in order.
/// </remarks>
internal static class JsonCanonicalizer
{
    private const int FastPathKeys = 32;

    /// <summary>Writes the value at the reader's current token (and everything inside it); leaves the reader on the value's last token.</summary>
    public static void WriteValue(ref Utf8JsonReader reader, JsJsonWriter writer)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                if (NeedsReordering(reader))
                {
                    WriteObjectReordered(ref reader, writer);
                }
                else
                {
                    writer.WriteStartObject();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                    {
                        WritePropertyName(ref reader, writer);
                        reader.Read();
                        WriteValue(ref reader, writer);
                    }

                    writer.WriteEndObject();
                }

                break;
            case JsonTokenType.StartArray:
                writer.WriteStartArray();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    WriteValue(ref reader, writer);
                }

                writer.WriteEndArray();
                break;
            default:
                WriteToken(ref reader, writer);
                break;
        }
    }

    /// <summary>True when the object at <paramref name="scan"/> (a copy of the reader, on its StartObject) cannot be streamed in key order.</summary>
    private static bool NeedsReordering(Utf8JsonReader scan)
    {
        Span<int> hashes = stackalloc int[FastPathKeys];
        int count = 0;
        while (scan.Read() && scan.TokenType == JsonTokenType.PropertyName)
        {
            if (scan.ValueIsEscaped || count == FastPathKeys || IsArrayIndex(scan.ValueSpan))
            {
                return true;
            }

            int hash = HashKey(scan.ValueSpan);
            if (hashes[..count].Contains(hash))
            {
                return true; // a repeated key, or (rarely) a hash collision: the slow path sorts it out exactly
            }

            hashes[count++] = hash;
            scan.Read();
            scan.Skip();
        }

        return false;
    }

    private static void WriteObjectReordered(ref Utf8JsonReader reader, JsJsonWriter writer)
    {
        // Each member's value is canonicalised into its own buffer in reading order, then the members are written
        // in JavaScript's property order (a reader cannot be kept to come back to a value later).
        var keys = new List<string>();
        var values = new List<byte[]>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var buffer = new ArrayBufferWriter<byte>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string key = JsonStrings.GetString(ref reader);
            reader.Read();
            buffer.ResetWrittenCount();
            WriteValue(ref reader, new JsJsonWriter(buffer));
            byte[] value = buffer.WrittenSpan.ToArray();
            if (positions.TryGetValue(key, out int at))
            {
                values[at] = value; // JSON.parse: the last value wins, at the first key's position
            }
            else
            {
                positions.Add(key, keys.Count);
                keys.Add(key);
                values.Add(value);
            }
        }

        var order = new List<int>(keys.Count);
        var indices = new List<(uint Index, int Member)>();
        for (int i = 0; i < keys.Count; i++)
        {
            if (TryParseArrayIndex(keys[i], out uint index))
            {
                indices.Add((index, i));
            }
        }

        indices.Sort((x, y) => x.Index.CompareTo(y.Index));
        foreach ((uint _, int member) in indices)
        {
            order.Add(member);
        }

        for (int i = 0; i < keys.Count; i++)
        {
            if (!TryParseArrayIndex(keys[i], out _))
            {
                order.Add(i);
            }
        }

        writer.WriteStartObject();
        foreach (int i in order)
        {
            writer.WritePropertyName(keys[i]);
            writer.WriteRawValue(values[i]);
        }

        writer.WriteEndObject();
    }

    private static bool IsArrayIndex(ReadOnlySpan<byte> key)
    {
        // Quick rejection on the raw bytes: an array index is 1-10 ASCII digits with no leading zero.
        if (key.IsEmpty || key.Length > 10 || key[0] < (byte)'0' || key[0] > (byte)'9' || (key[0] == (byte)'0' && key.Length > 1))
        {
            return false;
        }

        ulong value = 0;
        foreach (byte b in key)
        {
            if (b < (byte)'0' || b > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (uint)(b - '0');
        }

        return value <= uint.MaxValue - 1;
    }

    private static bool TryParseArrayIndex(string key, out uint index)
    {
        index = 0;
        if (key.Length is 0 or > 10 || (key[0] == '0' && key.Length > 1))
        {
            return false;
        }

        ulong value = 0;
        foreach (char c in key)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (uint)(c - '0');
        }

        if (value > uint.MaxValue - 1)
        {
            return false;
        }

        index = (uint)value;
        return true;
    }

    private static int HashKey(ReadOnlySpan<byte> key)
    {
        var hash = new HashCode();
        hash.AddBytes(key);
        return hash.ToHashCode();
    }

    private static void WriteToken(ref Utf8JsonReader reader, JsJsonWriter writer)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                writer.WriteStartObject();
                break;
            case JsonTokenType.EndObject:
                writer.WriteEndObject();
                break;
            case JsonTokenType.StartArray:
                writer.WriteStartArray();
                break;
            case JsonTokenType.EndArray:
                writer.WriteEndArray();
                break;
            case JsonTokenType.PropertyName:
                WritePropertyName(ref reader, writer);
                break;
            case JsonTokenType.String:
                if (reader.ValueIsEscaped)
                {
                    WriteEscapedString(reader.ValueSpan, writer);
                }
                else
                {
                    writer.WriteStringValueUtf8(reader.ValueSpan);
                }

                break;
            case JsonTokenType.Number:
                writer.WriteNumberValue(JsonNumbers.Parse(reader.ValueSpan));
                break;
            case JsonTokenType.True:
                writer.WriteBooleanValue(true);
                break;
            case JsonTokenType.False:
                writer.WriteBooleanValue(false);
                break;
            case JsonTokenType.Null:
                writer.WriteNullValue();
                break;
        }
    }

    private static void WritePropertyName(ref Utf8JsonReader reader, JsJsonWriter writer)
    {
        ReadOnlySpan<byte> raw = reader.ValueSpan;
        char[]? rented = null;
        Span<char> chars = raw.Length <= 128 ? stackalloc char[128] : (rented = ArrayPool<char>.Shared.Rent(raw.Length));
        try
        {
            int n = reader.ValueIsEscaped ? JsonStrings.Unescape(raw, chars) : Encoding.UTF8.GetChars(raw, chars);
            writer.WritePropertyName(chars[..n]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static void WriteEscapedString(ReadOnlySpan<byte> raw, JsJsonWriter writer)
    {
        char[] chars = ArrayPool<char>.Shared.Rent(Math.Max(1, raw.Length));
        try
        {
            int n = JsonStrings.Unescape(raw, chars);
            writer.WriteStringValue(chars.AsSpan(0, n));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
