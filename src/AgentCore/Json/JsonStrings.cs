using System.Buffers;
using System.Text;

namespace AgentCore.Json;

/// <summary>JSON string unescaping that keeps lone surrogates (<c>\ud800</c>), as JavaScript strings do.</summary>
/// <remarks>System.Text.Json rejects lone-surrogate escapes; the extension's files can contain them (JSON.stringify
/// writes them since ES2019), and a token count or a re-serialisation must see the same UTF-16 units JS saw.</remarks>
internal static class JsonStrings
{
    /// <summary>Unescapes the raw (between the quotes) bytes of a JSON string into <paramref name="destination"/>; returns the UTF-16 length.</summary>
    public static int Unescape(ReadOnlySpan<byte> raw, Span<char> destination)
    {
        int written = 0;
        while (!raw.IsEmpty)
        {
            int backslash = raw.IndexOf((byte)'\\');
            ReadOnlySpan<byte> run = backslash < 0 ? raw : raw[..backslash];
            if (!run.IsEmpty)
            {
                written += Encoding.UTF8.GetChars(run, destination[written..]);
            }

            if (backslash < 0)
            {
                break;
            }

            byte kind = raw[backslash + 1];
            int consumed = 2;
            char c;
            switch (kind)
            {
                case (byte)'b': c = '\b'; break;
                case (byte)'f': c = '\f'; break;
                case (byte)'n': c = '\n'; break;
                case (byte)'r': c = '\r'; break;
                case (byte)'t': c = '\t'; break;
                case (byte)'u':
                    c = (char)ParseHex4(raw.Slice(backslash + 2, 4));
                    consumed = 6;
                    break;
                default: c = (char)kind; break; // \" \\ \/
            }

            destination[written++] = c;
            raw = raw[(backslash + consumed)..];
        }

        return written;
    }

    /// <summary>The unescaped string of the current string token of <paramref name="reader"/>.</summary>
    public static string GetString(ref System.Text.Json.Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> raw = reader.ValueSpan;
        if (!reader.ValueIsEscaped)
        {
            return Encoding.UTF8.GetString(raw);
        }

        char[] buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, raw.Length));
        try
        {
            int n = Unescape(raw, buffer);
            return new string(buffer, 0, n);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static int ParseHex4(ReadOnlySpan<byte> hex)
    {
        int value = 0;
        foreach (byte b in hex)
        {
            int digit = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                _ => b - 'A' + 10,
            };
            value = (value << 4) | digit;
        }

        return value;
    }
}
