using System.Buffers;

namespace AgentCore.Parsing;

/// <summary>
/// A JSON string literal exactly as JavaScript's <c>JSON.stringify</c> writes it: only <c>"</c>, <c>\</c> and control
/// characters are escaped (<c>\b \f \n \r \t</c>, others as lowercase <c>\u00xx</c>), lone surrogates as lowercase
/// <c>\udxxx</c>, everything else verbatim.
/// </summary>
/// <remarks>Temporary: to be replaced by the shared writer in src/AgentCore/Json once it exists.</remarks>
internal static class JsJsonString
{
    private static readonly SearchValues<char> s_special = SearchValues.Create(BuildSpecial());

    public static void Write(TextWriter writer, ReadOnlySpan<char> value)
    {
        writer.Write('"');
        while (!value.IsEmpty)
        {
            int next = value.IndexOfAny(s_special);
            if (next < 0)
            {
                writer.Write(value);
                break;
            }

            writer.Write(value[..next]);
            char c = value[next];
            int consumed = 1;
            if (char.IsHighSurrogate(c) && next + 1 < value.Length && char.IsLowSurrogate(value[next + 1]))
            {
                writer.Write(value.Slice(next, 2));
                consumed = 2;
            }
            else
            {
                WriteEscape(writer, c);
            }

            value = value[(next + consumed)..];
        }

        writer.Write('"');
    }

    private static void WriteEscape(TextWriter writer, char c)
    {
        switch (c)
        {
            case '"': writer.Write("\\\""); break;
            case '\\': writer.Write("\\\\"); break;
            case '\b': writer.Write("\\b"); break;
            case '\f': writer.Write("\\f"); break;
            case '\n': writer.Write("\\n"); break;
            case '\r': writer.Write("\\r"); break;
            case '\t': writer.Write("\\t"); break;
            default:
                const string Hex = "0123456789abcdef";
                Span<char> u = ['\\', 'u', Hex[c >> 12], Hex[(c >> 8) & 0xF], Hex[(c >> 4) & 0xF], Hex[c & 0xF]];
                writer.Write(u);
                break;
        }
    }

    private static string BuildSpecial()
    {
        var chars = new char[0x20 + 2 + 0x800];
        int n = 0;
        for (char c = '\0'; c < ' '; c++)
        {
            chars[n++] = c;
        }

        chars[n++] = '"';
        chars[n++] = '\\';
        for (char c = '\uD800'; c <= '\uDFFF'; c++)
        {
            chars[n++] = c;
        }

        return new string(chars, 0, n);
    }
}
