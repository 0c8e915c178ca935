using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace AgentCore.Streaming;

/// <summary>JSON string unescaping into UTF-16 with JavaScript semantics (lone surrogate escapes are kept).</summary>
internal static class JsonStrings
{
    /// <summary>
    /// Writes the value of <paramref name="raw"/> into <paramref name="dest"/> (at least <c>raw.Raw.Length</c> chars:
    /// UTF-16 never needs more units than the UTF-8 bytes, and escapes only shrink) and returns the char count.
    /// </summary>
    public static int Unescape(scoped in RawString raw, Span<char> dest)
    {
        ReadOnlySpan<byte> s = raw.Raw;
        if (!raw.Escaped)
        {
            return Encoding.UTF8.GetChars(s, dest);
        }

        int written = 0;
        while (true)
        {
            int backslash = s.IndexOf((byte)'\\');
            if (backslash < 0)
            {
                return written + Encoding.UTF8.GetChars(s, dest[written..]);
            }

            written += Encoding.UTF8.GetChars(s[..backslash], dest[written..]);
            byte e = s[backslash + 1];
            int consumed = 2;
            char c;
            switch (e)
            {
                case (byte)'b': c = '\b'; break;
                case (byte)'f': c = '\f'; break;
                case (byte)'n': c = '\n'; break;
                case (byte)'r': c = '\r'; break;
                case (byte)'t': c = '\t'; break;
                case (byte)'u':
                    c = Utf8Parser.TryParse(s.Slice(backslash + 2, 4), out ushort code, out _, 'x') ? (char)code : '\uFFFD';
                    consumed = 6;
                    break;
                default: c = (char)e; break; // '"', '\\', '/'
            }

            dest[written++] = c;
            s = s[(backslash + consumed)..];
        }
    }
}
