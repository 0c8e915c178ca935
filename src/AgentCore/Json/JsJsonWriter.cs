using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace AgentCore.Json;

/// <summary>
/// Writes compact JSON byte for byte as JavaScript's <c>JSON.stringify</c> does, into UTF-8.
/// </summary>
/// <remarks>
/// Written by hand because System.Text.Json's <c>Utf8JsonWriter</c> cannot be made to match: it escapes with
/// uppercase hex, rejects lone surrogates, and formats doubles in .NET style (<c>1E-07</c> where JavaScript prints
/// <c>1e-7</c>). Outputs of the reference pass through <c>JSON.stringify</c>, so this is what parity needs:
/// only <c>"</c>, <c>\</c> and control characters are escaped (<c>\b \f \n \r \t</c>, others as <c>\u00xx</c>),
/// a lone surrogate becomes <c>\udxxx</c> (ES2019 well-formed stringify), every other character is written as
/// UTF-8, and numbers follow ECMAScript <c>Number::toString</c>. Not thread-safe; one instance per output.
/// </remarks>
public sealed class JsJsonWriter
{
    // As deep as the readers in this library accept (JsonReading.MaxDepth nested containers): whatever was parsed
    // can be written.
    private const int MaxDepth = JsonReading.MaxDepth;
    private readonly IBufferWriter<byte> _output;
    private ulong _hasItems; // bit d: the container at depth d (< 64) already holds an item (a comma is due)
    private ulong[]? _deepHasItems; // the same for depths 64 and more, allocated on first use
    private int _depth;
    private bool _afterPropertyName;

    /// <summary>Creates a writer appending to <paramref name="output"/>.</summary>
    public JsJsonWriter(IBufferWriter<byte> output) => _output = output;

    /// <summary>Forgets container state so the next value starts a new top-level JSON text (e.g. the next NDJSON line).</summary>
    public void Reset()
    {
        _hasItems = 0;
        _depth = 0;
        _afterPropertyName = false;
    }

    /// <summary>Writes <c>{</c>.</summary>
    public void WriteStartObject() => StartContainer((byte)'{');

    /// <summary>Writes <c>}</c>.</summary>
    public void WriteEndObject() => EndContainer((byte)'}');

    /// <summary>Writes <c>[</c>.</summary>
    public void WriteStartArray() => StartContainer((byte)'[');

    /// <summary>Writes <c>]</c>.</summary>
    public void WriteEndArray() => EndContainer((byte)']');

    /// <summary>Writes a property name and the colon; the value follows with the next Write*Value call.</summary>
    public void WritePropertyName(ReadOnlySpan<char> name)
    {
        BeforeValue();
        WriteQuoted(name);
        WriteByte((byte)':');
        _afterPropertyName = true;
    }

    /// <summary>Writes a string value.</summary>
    public void WriteStringValue(ReadOnlySpan<char> value)
    {
        BeforeValue();
        WriteQuoted(value);
    }

    /// <summary>Writes a string value given as UTF-8. Invalid UTF-8 sequences are written as U+FFFD, as a JavaScript decoder would.</summary>
    public void WriteStringValueUtf8(ReadOnlySpan<byte> utf8)
    {
        BeforeValue();
        WriteByte((byte)'"');
        while (!utf8.IsEmpty)
        {
            int special = utf8.IndexOfAnyExcept(s_safeBytes);
            if (special < 0)
            {
                WriteBytes(utf8);
                break;
            }

            WriteBytes(utf8[..special]);
            utf8 = utf8[special..];
            byte b = utf8[0];
            if (b < 0x80)
            {
                WriteEscapedAscii((char)b);
                utf8 = utf8[1..];
                continue;
            }

            OperationStatus status = Rune.DecodeFromUtf8(utf8, out Rune rune, out int consumed);
            if (status == OperationStatus.Done)
            {
                WriteBytes(utf8[..consumed]);
            }
            else
            {
                WriteBytes("\uFFFD"u8);
            }

            utf8 = utf8[consumed..];
        }

        WriteByte((byte)'"');
    }

    /// <summary>Writes an integer value.</summary>
    public void WriteNumberValue(long value)
    {
        BeforeValue();
        Span<byte> buffer = _output.GetSpan(20);
        value.TryFormat(buffer, out int written, default, CultureInfo.InvariantCulture);
        _output.Advance(written);
    }

    /// <summary>Writes a number as JavaScript prints it (<c>NaN</c> and infinities become <c>null</c>, as in JSON.stringify).</summary>
    public void WriteNumberValue(double value)
    {
        BeforeValue();
        Span<byte> buffer = _output.GetSpan(32);
        int written = FormatJsNumber(value, buffer);
        _output.Advance(written);
    }

    /// <summary>Writes <c>true</c> or <c>false</c>.</summary>
    public void WriteBooleanValue(bool value)
    {
        BeforeValue();
        WriteBytes(value ? "true"u8 : "false"u8);
    }

    /// <summary>Writes <c>null</c>.</summary>
    public void WriteNullValue()
    {
        BeforeValue();
        WriteBytes("null"u8);
    }

    /// <summary>Writes a property with a string value.</summary>
    public void WriteString(ReadOnlySpan<char> name, ReadOnlySpan<char> value)
    {
        WritePropertyName(name);
        WriteStringValue(value);
    }

    /// <summary>Writes a property with an integer value.</summary>
    public void WriteNumber(ReadOnlySpan<char> name, long value)
    {
        WritePropertyName(name);
        WriteNumberValue(value);
    }

    /// <summary>Writes a property with a JavaScript number value.</summary>
    public void WriteNumber(ReadOnlySpan<char> name, double value)
    {
        WritePropertyName(name);
        WriteNumberValue(value);
    }

    /// <summary>Writes a property with a boolean value.</summary>
    public void WriteBoolean(ReadOnlySpan<char> name, bool value)
    {
        WritePropertyName(name);
        WriteBooleanValue(value);
    }

    /// <summary>Writes a property with a null value.</summary>
    public void WriteNull(ReadOnlySpan<char> name)
    {
        WritePropertyName(name);
        WriteNullValue();
    }

    /// <summary>Writes one complete, already-serialised JSON value (in this writer's format) as the next value.</summary>
    public void WriteRawValue(ReadOnlySpan<byte> json)
    {
        BeforeValue();
        WriteBytes(json);
    }

    /// <summary>
    /// Writes bytes as they are, outside the value structure: for separators such as the newline between NDJSON
    /// lines (followed by <see cref="Reset"/>). It does not count as a value, so no comma is written before or after it.
    /// </summary>
    public void WriteRaw(ReadOnlySpan<byte> utf8) => WriteBytes(utf8);

    /// <summary>
    /// Formats <paramref name="value"/> as ECMAScript <c>Number::toString</c> does (shortest round-trip digits;
    /// plain notation for exponents in [-7, 20], else <c>1e+21</c> / <c>1.5e-7</c>). Returns the bytes written.
    /// </summary>
    public static int FormatJsNumber(double value, Span<byte> destination)
    {
        if (!double.IsFinite(value))
        {
            "null"u8.CopyTo(destination);
            return 4;
        }

        if (value == 0)
        {
            destination[0] = (byte)'0'; // -0 prints as 0
            return 1;
        }

        // .NET's "R" gives the shortest digits that round-trip, the same digit string ECMAScript requires.
        Span<char> r = stackalloc char[32];
        value.TryFormat(r, out int rLen, "R", CultureInfo.InvariantCulture);
        r = r[..rLen];
        int pos = 0;
        if (r[0] == '-')
        {
            destination[pos++] = (byte)'-';
            r = r[1..];
        }

        int exponent = 0;
        int e = r.IndexOfAny('E', 'e');
        if (e >= 0)
        {
            exponent = int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..e];
        }

        Span<char> digits = stackalloc char[32];
        int k = 0;
        int dot = r.IndexOf('.');
        int intLen = dot < 0 ? r.Length : dot;
        foreach (char c in r)
        {
            if (c != '.')
            {
                digits[k++] = c;
            }
        }

        int n = intLen + exponent; // value = 0.d1d2...dk × 10^n
        int lead = 0;
        while (lead < k - 1 && digits[lead] == '0')
        {
            lead++;
        }

        digits = digits[lead..k];
        n -= lead;
        k = digits.Length;
        while (k > 1 && digits[k - 1] == '0')
        {
            k--;
        }

        digits = digits[..k];
        if (k <= n && n <= 21)
        {
            pos += Ascii(digits, destination[pos..]);
            for (int i = 0; i < n - k; i++)
            {
                destination[pos++] = (byte)'0';
            }
        }
        else if (0 < n && n <= 21)
        {
            pos += Ascii(digits[..n], destination[pos..]);
            destination[pos++] = (byte)'.';
            pos += Ascii(digits[n..], destination[pos..]);
        }
        else if (-6 < n && n <= 0)
        {
            destination[pos++] = (byte)'0';
            destination[pos++] = (byte)'.';
            for (int i = 0; i < -n; i++)
            {
                destination[pos++] = (byte)'0';
            }

            pos += Ascii(digits, destination[pos..]);
        }
        else
        {
            destination[pos++] = (byte)digits[0];
            if (k > 1)
            {
                destination[pos++] = (byte)'.';
                pos += Ascii(digits[1..], destination[pos..]);
            }

            destination[pos++] = (byte)'e';
            int exp = n - 1;
            destination[pos++] = exp < 0 ? (byte)'-' : (byte)'+';
            exp = Math.Abs(exp);
            exp.TryFormat(destination[pos..], out int w, default, CultureInfo.InvariantCulture);
            pos += w;
        }

        return pos;
    }

    private static int Ascii(ReadOnlySpan<char> chars, Span<byte> destination)
    {
        for (int i = 0; i < chars.Length; i++)
        {
            destination[i] = (byte)chars[i];
        }

        return chars.Length;
    }

    // Printable ASCII other than '"' and '\\' is copied through as it is; anything else (control characters,
    // quotes, backslashes, non-ASCII) needs escaping, transcoding or a validity check. Runs are found with one
    // vectorized IndexOfAnyExcept.
    private const string SafeAscii =
        " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~\u007f";

    private static readonly SearchValues<char> s_safeChars = SearchValues.Create(SafeAscii);
    private static readonly SearchValues<byte> s_safeBytes = SearchValues.Create(Encoding.ASCII.GetBytes(SafeAscii));

    private void WriteQuoted(ReadOnlySpan<char> value)
    {
        WriteByte((byte)'"');
        while (!value.IsEmpty)
        {
            int special = value.IndexOfAnyExcept(s_safeChars);
            int ascii = special < 0 ? value.Length : special;
            if (ascii > 0)
            {
                Span<byte> dst = _output.GetSpan(ascii);
                Encoding.ASCII.GetBytes(value[..ascii], dst); // SAFETY of the cast: the run is pure ASCII
                _output.Advance(ascii);
                value = value[ascii..];
                if (special < 0)
                {
                    break;
                }
            }

            char c = value[0];
            if (c < 0x80)
            {
                WriteEscapedAscii(c);
                value = value[1..];
                continue;
            }

            if (char.IsHighSurrogate(c) && value.Length > 1 && char.IsLowSurrogate(value[1]))
            {
                Span<byte> dst = _output.GetSpan(4);
                new Rune(c, value[1]).EncodeToUtf8(dst);
                _output.Advance(4);
                value = value[2..];
                continue;
            }

            if (char.IsSurrogate(c))
            {
                WriteUnicodeEscape(c);
                value = value[1..];
                continue;
            }

            Span<byte> d = _output.GetSpan(3);
            int written = new Rune(c).EncodeToUtf8(d);
            _output.Advance(written);
            value = value[1..];
        }

        WriteByte((byte)'"');
    }

    private void WriteEscapedAscii(char c)
    {
        switch (c)
        {
            case '"': WriteBytes("\\\""u8); break;
            case '\\': WriteBytes("\\\\"u8); break;
            case '\b': WriteBytes("\\b"u8); break;
            case '\f': WriteBytes("\\f"u8); break;
            case '\n': WriteBytes("\\n"u8); break;
            case '\r': WriteBytes("\\r"u8); break;
            case '\t': WriteBytes("\\t"u8); break;
            default:
                if (c < 0x20)
                {
                    WriteUnicodeEscape(c);
                }
                else
                {
                    WriteByte((byte)c);
                }

                break;
        }
    }

    private void WriteUnicodeEscape(char c)
    {
        Span<byte> dst = _output.GetSpan(6);
        dst[0] = (byte)'\\';
        dst[1] = (byte)'u';
        ((int)c).TryFormat(dst[2..], out _, "x4", CultureInfo.InvariantCulture);
        _output.Advance(6);
    }

    private void StartContainer(byte open)
    {
        BeforeValue();
        if (_depth >= MaxDepth)
        {
            ThrowTooDeep();
        }

        _depth++;
        if (_depth < 64)
        {
            _hasItems &= ~(1UL << _depth);
        }
        else
        {
            _deepHasItems ??= new ulong[(MaxDepth / 64) + 1]; // depths 0..MaxDepth
            _deepHasItems[_depth >> 6] &= ~(1UL << _depth);
        }

        WriteByte(open);
    }

    private void EndContainer(byte close)
    {
        _depth--;
        WriteByte(close);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void BeforeValue()
    {
        if (_afterPropertyName)
        {
            _afterPropertyName = false;
            return;
        }

        if (_depth >= 64)
        {
            BeforeDeepValue();
            return;
        }

        ulong bit = 1UL << _depth;
        if ((_hasItems & bit) != 0)
        {
            WriteByte((byte)',');
        }

        _hasItems |= bit;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void BeforeDeepValue()
    {
        ref ulong word = ref _deepHasItems![_depth >> 6];
        ulong bit = 1UL << _depth; // the shift count is taken mod 64
        if ((word & bit) != 0)
        {
            WriteByte((byte)',');
        }

        word |= bit;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteByte(byte b)
    {
        _output.GetSpan(1)[0] = b;
        _output.Advance(1);
    }

    private void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_output.GetSpan(bytes.Length));
        _output.Advance(bytes.Length);
    }

    private static void ThrowTooDeep() => throw new InvalidOperationException($"JSON nesting deeper than {MaxDepth} levels.");
}
