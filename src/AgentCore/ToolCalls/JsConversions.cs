using System.Globalization;
using System.Text;
using AgentCore.JavaScript;
using AgentCore.Json;
using AgentCore.Parsing;

namespace AgentCore.ToolCalls;

/// <summary>JavaScript conversions the reference's argument handling uses: <c>Number(v)</c>, its optional-number and optional-boolean coercions.</summary>
internal static class JsConversions
{
    /// <summary><c>coerceOptionalNumber</c>: a finite number, or a string whose Number() is finite; else absent.</summary>
    public static JsValue? CoerceNumber(JsValue? v)
    {
        if (v is JsNumber n)
        {
            return double.IsFinite(n.Value) ? n : null;
        }

        if (v is JsString s)
        {
            double d = StringToNumber(s.Span);
            return double.IsFinite(d) ? new JsNumber(d) : null;
        }

        return null;
    }

    /// <summary><c>coerceOptionalBoolean</c>: a boolean, or a string that trims and lower-cases to true/false; else absent.</summary>
    public static JsValue? CoerceBoolean(JsValue? v)
    {
        if (v is JsBool)
        {
            return v;
        }

        if (v is JsString s)
        {
            (int a, int b) = JsText.Trim(s.Span, 0, s.Span.Length);
            ReadOnlySpan<char> t = s.Span[a..b];
            if (System.Text.Ascii.EqualsIgnoreCase(t, "true"))
            {
                return JsBool.True;
            }

            if (System.Text.Ascii.EqualsIgnoreCase(t, "false"))
            {
                return JsBool.False;
            }
        }

        return null;
    }

    /// <summary>JavaScript <c>Number(v)</c> (absent → NaN).</summary>
    public static double ToNumber(JsValue? v) => v switch
    {
        JsNumber n => n.Value,
        JsBool b => b.Value ? 1 : 0,
        JsNull => 0,
        JsString s => StringToNumber(s.Span),
        JsArray a => StringToNumber(Join(a)),
        _ => double.NaN,
    };

    /// <summary>JavaScript <c>StringToNumber</c>.</summary>
    public static double StringToNumber(ReadOnlySpan<char> s)
    {
        (int a, int b) = JsText.Trim(s, 0, s.Length);
        s = s[a..b];
        if (s.IsEmpty)
        {
            return 0;
        }

        if (s is "Infinity" or "+Infinity")
        {
            return double.PositiveInfinity;
        }

        if (s is "-Infinity")
        {
            return double.NegativeInfinity;
        }

        if (s.Length > 2 && s[0] == '0' && (s[1] | 0x20) is 'x' or 'o' or 'b')
        {
            int radix = (s[1] | 0x20) switch { 'x' => 16, 'o' => 8, _ => 2 };
            double v = 0;
            foreach (char c in s[2..])
            {
                int d = StrictJson.HexValue(c);
                if (d < 0 || d >= radix)
                {
                    return double.NaN;
                }

                v = (v * radix) + d;
            }

            return v;
        }

        int i = 0;
        if (s[i] is '+' or '-')
        {
            i++;
        }

        int intDigits = CountDigits(s, ref i);
        int fracDigits = 0;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            fracDigits = CountDigits(s, ref i);
        }

        if (intDigits + fracDigits == 0)
        {
            return double.NaN;
        }

        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            if (i < s.Length && s[i] is '+' or '-')
            {
                i++;
            }

            if (CountDigits(s, ref i) == 0)
            {
                return double.NaN;
            }
        }

        if (i != s.Length)
        {
            return double.NaN;
        }

        return double.Parse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
    }

    private static int CountDigits(ReadOnlySpan<char> s, ref int i)
    {
        int start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return i - start;
    }

    /// <summary><c>Array.prototype.join(",")</c> as <c>String(array)</c> does it.</summary>
    private static string Join(JsArray a)
    {
        var sb = new StringBuilder();
        AppendJoined(sb, a);
        return sb.ToString();
    }

    private static void AppendJoined(StringBuilder sb, JsArray a)
    {
        for (int i = 0; i < a.Items.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            switch (a.Items[i])
            {
                case JsArray inner:
                    AppendJoined(sb, inner);
                    break;
                case JsObject:
                    sb.Append("[object Object]");
                    break;
                case JsString s:
                    sb.Append(s.Span);
                    break;
                case JsBool b:
                    sb.Append(b.Value ? "true" : "false");
                    break;
                case JsNumber n:
                    sb.Append(NumberToString(n.Value));
                    break;
            }
        }
    }

    /// <summary>JavaScript <c>Number::toString</c> (NaN and the infinities as JavaScript writes them).</summary>
    public static string NumberToString(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "Infinity" : "-Infinity";
        }

        Span<byte> buffer = stackalloc byte[32];
        int n = JsJsonWriter.FormatJsNumber(d, buffer);
        return Encoding.ASCII.GetString(buffer[..n]);
    }
}
