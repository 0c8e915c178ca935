using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AgentCore.Json;

namespace AgentCore.Streaming;

/// <summary>
/// A pooled UTF-16 text builder that writes JSON exactly as JavaScript's <c>JSON.stringify</c> does: only <c>"</c>,
/// <c>\</c> and control characters escaped (<c>\b \f \n \r \t</c>, others as lowercase <c>\u00xx</c>), lone
/// surrogates as lowercase <c>\udxxx</c>, everything else (non-ASCII included) as is; numbers in JavaScript form.
/// </summary>
/// <remarks>
/// Used only to re-serialise tool-call arguments that arrive as JSON objects (Gemini, Ollama) into the string the
/// reference would build with <c>JSON.stringify</c>; chunk lines themselves go through <see cref="JsJsonWriter"/>.
/// Not thread-safe.
/// </remarks>
internal sealed class JsJsonBuilder : IDisposable
{
    private static readonly SearchValues<char> s_special = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f\"\\");

    private char[] _buffer = ArrayPool<char>.Shared.Rent(512);

    public int Length { get; set; }

    public ReadOnlySpan<char> Written => _buffer.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = [];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(char c)
    {
        if (Length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[Length++] = c;
    }

    public void Append(scoped ReadOnlySpan<char> s)
    {
        if (_buffer.Length - Length < s.Length)
        {
            Grow(s.Length);
        }

        s.CopyTo(_buffer.AsSpan(Length));
        Length += s.Length;
    }

    public void AppendNumber(long value)
    {
        if (_buffer.Length - Length < 20)
        {
            Grow(20);
        }

        value.TryFormat(_buffer.AsSpan(Length), out int written, default, CultureInfo.InvariantCulture);
        Length += written;
    }

    public void AppendNumber(double value)
    {
        Span<byte> utf8 = stackalloc byte[32];
        int n = JsJsonWriter.FormatJsNumber(value, utf8);
        Span<char> chars = EnsureTail(n);
        for (int i = 0; i < n; i++)
        {
            chars[i] = (char)utf8[i];
        }

        Length += n;
    }

    /// <summary>Appends <paramref name="s"/> as a quoted JSON string.</summary>
    public void AppendString(scoped ReadOnlySpan<char> s)
    {
        Append('"');
        while (true)
        {
            int i = s.IndexOfAny(s_special);
            int surrogate = s.IndexOfAnyInRange('\uD800', '\uDFFF');
            if (surrogate >= 0 && (i < 0 || surrogate < i))
            {
                // A valid pair is copied; a lone surrogate is escaped.
                Append(s[..surrogate]);
                char c = s[surrogate];
                if (char.IsHighSurrogate(c) && surrogate + 1 < s.Length && char.IsLowSurrogate(s[surrogate + 1]))
                {
                    Append(s.Slice(surrogate, 2));
                    s = s[(surrogate + 2)..];
                }
                else
                {
                    AppendUnicodeEscape(c);
                    s = s[(surrogate + 1)..];
                }

                continue;
            }

            if (i < 0)
            {
                Append(s);
                break;
            }

            Append(s[..i]);
            char ch = s[i];
            switch (ch)
            {
                case '"': Append("\\\""); break;
                case '\\': Append("\\\\"); break;
                case '\b': Append("\\b"); break;
                case '\f': Append("\\f"); break;
                case '\n': Append("\\n"); break;
                case '\r': Append("\\r"); break;
                case '\t': Append("\\t"); break;
                default: AppendUnicodeEscape(ch); break;
            }

            s = s[(i + 1)..];
        }

        Append('"');
    }

    /// <summary>
    /// Appends the value at <paramref name="reader"/> (any JSON value) as <c>JSON.stringify(JSON.parse(value))</c> would
    /// print it: compact, strings re-escaped the JavaScript way, numbers through a double.
    /// </summary>
    public void AppendValue(ref Utf8JsonReader reader, Span<char> scratch)
    {
        int depth = reader.CurrentDepth;
        AppendToken(ref reader, scratch);
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        while (reader.Read())
        {
            JsonTokenType t = reader.TokenType;
            if (t is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                Append(t == JsonTokenType.EndObject ? '}' : ']');
                if (reader.CurrentDepth == depth)
                {
                    return;
                }

                continue;
            }

            if (_buffer[Length - 1] is not ('{' or '[' or ':'))
            {
                Append(',');
            }

            AppendToken(ref reader, scratch);
        }
    }

    private void AppendToken(ref Utf8JsonReader reader, Span<char> scratch)
    {
        JsonTokenType t = reader.TokenType;
        switch (t)
        {
            case JsonTokenType.StartObject: Append('{'); break;
            case JsonTokenType.StartArray: Append('['); break;
            case JsonTokenType.PropertyName:
            case JsonTokenType.String:
                var raw = new RawString(reader.ValueSpan, reader.ValueIsEscaped);
                int n = JsonStrings.Unescape(raw, scratch);
                AppendString(scratch[..n]);
                if (t == JsonTokenType.PropertyName)
                {
                    Append(':');
                }

                break;
            case JsonTokenType.Number: AppendNumber(reader.GetDouble()); break;
            case JsonTokenType.True: Append("true"); break;
            case JsonTokenType.False: Append("false"); break;
            default: Append("null"); break;
        }
    }

    private void AppendUnicodeEscape(char c)
    {
        Append("\\u");
        ((int)c).TryFormat(EnsureTail(4), out int written, "x4", CultureInfo.InvariantCulture);
        Length += written;
    }

    private Span<char> EnsureTail(int n)
    {
        if (_buffer.Length - Length < n)
        {
            Grow(n);
        }

        return _buffer.AsSpan(Length, n);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int extra)
    {
        char[] bigger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, Length + extra));
        _buffer.AsSpan(0, Length).CopyTo(bigger);
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}
