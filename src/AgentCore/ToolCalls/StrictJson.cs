using System.Globalization;

namespace AgentCore.ToolCalls;

/// <summary>
/// ECMAScript <c>JSON.parse</c> (no reviver) into <see cref="JsValue"/>s: strict JSON, lone surrogates kept (raw or
/// escaped), numbers to the nearest double (overflow to ±∞, <c>-0</c> kept), duplicate keys last-wins at the first
/// position, <c>__proto__</c> an ordinary key. Strings without escapes are slices of the source, not copies.
/// </summary>
/// <remarks>Nesting is limited to <see cref="MaxDepth"/> levels (deeper text fails, as the project's other readers do).</remarks>
internal static class StrictJson
{
    /// <summary>The deepest nesting accepted.</summary>
    public const int MaxDepth = 1024;

    /// <summary>Parses <paramref name="text"/>; returns false on any syntax error.</summary>
    public static bool TryParse(ReadOnlyMemory<char> text, out JsValue value)
    {
        var p = new Parser(text);
        p.SkipWs();
        if (p.TryValue(0, out value!))
        {
            p.SkipWs();
            if (p.AtEnd)
            {
                return true;
            }
        }

        value = null!;
        return false;
    }

    /// <summary>Parses <paramref name="text"/>; returns false on any syntax error.</summary>
    public static bool TryParse(string text, out JsValue value) => TryParse(text.AsMemory(), out value);

    /// <summary>True when <paramref name="s"/> matches JSON's number grammar <c>-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?</c>.</summary>
    internal static bool IsJsonNumber(ReadOnlySpan<char> s)
    {
        int i = 0;
        if (i < s.Length && s[i] == '-')
        {
            i++;
        }

        if (i >= s.Length)
        {
            return false;
        }

        if (s[i] == '0')
        {
            i++;
        }
        else if (s[i] is >= '1' and <= '9')
        {
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }
        }
        else
        {
            return false;
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            int d = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == d)
            {
                return false;
            }
        }

        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            if (i < s.Length && (s[i] == '+' || s[i] == '-'))
            {
                i++;
            }

            int d = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == d)
            {
                return false;
            }
        }

        return i == s.Length;
    }

    /// <summary>The double nearest to a text that <see cref="IsJsonNumber"/> accepted (ties to even; overflow to ±∞).</summary>
    internal static double ParseNumber(ReadOnlySpan<char> s) =>
        double.Parse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);

    private struct Parser(ReadOnlyMemory<char> text)
    {
        private readonly ReadOnlyMemory<char> _text = text;
        private int _i;

        public readonly bool AtEnd => _i >= _text.Length;

        public void SkipWs()
        {
            ReadOnlySpan<char> t = _text.Span;
            while (_i < t.Length && t[_i] is ' ' or '\t' or '\n' or '\r')
            {
                _i++;
            }
        }

        public bool TryValue(int depth, out JsValue value)
        {
            value = null!;
            ReadOnlySpan<char> t = _text.Span;
            if (_i >= t.Length)
            {
                return false;
            }

            char c = t[_i];
            switch (c)
            {
                case '"':
                    if (TryString(out JsString? s))
                    {
                        value = s;
                        return true;
                    }

                    return false;
                case '{':
                    return TryObject(depth + 1, out value);
                case '[':
                    return TryArray(depth + 1, out value);
                case 't':
                    return TryWord("true", JsBool.True, out value);
                case 'f':
                    return TryWord("false", JsBool.False, out value);
                case 'n':
                    return TryWord("null", JsNull.Instance, out value);
                default:
                    int start = _i;
                    while (_i < t.Length && (char.IsAsciiDigit(t[_i]) || t[_i] is '-' or '+' or '.' or 'e' or 'E'))
                    {
                        _i++;
                    }

                    ReadOnlySpan<char> tok = t[start.._i];
                    if (!IsJsonNumber(tok))
                    {
                        return false;
                    }

                    value = new JsNumber(ParseNumber(tok));
                    return true;
            }
        }

        private bool TryWord(string word, JsValue v, out JsValue value)
        {
            value = v;
            if (_text.Span[_i..].StartsWith(word, StringComparison.Ordinal))
            {
                _i += word.Length;
                return true;
            }

            return false;
        }

        private bool TryObject(int depth, out JsValue value)
        {
            value = null!;
            if (depth > MaxDepth)
            {
                return false;
            }

            var o = new JsObject();
            _i++;
            SkipWs();
            ReadOnlySpan<char> t = _text.Span;
            if (_i < t.Length && t[_i] == '}')
            {
                _i++;
                value = o;
                return true;
            }

            while (true)
            {
                t = _text.Span;
                if (_i >= t.Length || t[_i] != '"' || !TryString(out JsString? key))
                {
                    return false;
                }

                SkipWs();
                t = _text.Span;
                if (_i >= t.Length || t[_i] != ':')
                {
                    return false;
                }

                _i++;
                SkipWs();
                if (!TryValue(depth, out JsValue v))
                {
                    return false;
                }

                o.Set(key.ToString(), v);
                SkipWs();
                t = _text.Span;
                if (_i >= t.Length)
                {
                    return false;
                }

                if (t[_i] == ',')
                {
                    _i++;
                    SkipWs();
                    continue;
                }

                if (t[_i] == '}')
                {
                    _i++;
                    value = o;
                    return true;
                }

                return false;
            }
        }

        private bool TryArray(int depth, out JsValue value)
        {
            value = null!;
            if (depth > MaxDepth)
            {
                return false;
            }

            var a = new JsArray();
            _i++;
            SkipWs();
            ReadOnlySpan<char> t = _text.Span;
            if (_i < t.Length && t[_i] == ']')
            {
                _i++;
                value = a;
                return true;
            }

            while (true)
            {
                if (!TryValue(depth, out JsValue v))
                {
                    return false;
                }

                a.Items.Add(v);
                SkipWs();
                t = _text.Span;
                if (_i >= t.Length)
                {
                    return false;
                }

                if (t[_i] == ',')
                {
                    _i++;
                    SkipWs();
                    continue;
                }

                if (t[_i] == ']')
                {
                    _i++;
                    value = a;
                    return true;
                }

                return false;
            }
        }

        private bool TryString(out JsString value)
        {
            value = null!;
            ReadOnlySpan<char> t = _text.Span;
            int start = ++_i;
            int j = start;
            while (j < t.Length && t[j] != '"' && t[j] != '\\' && t[j] >= ' ')
            {
                j++;
            }

            if (j >= t.Length || t[j] < ' ')
            {
                return false;
            }

            if (t[j] == '"')
            {
                value = new JsString(_text.Slice(start, j - start));
                _i = j + 1;
                return true;
            }

            var sb = new System.Text.StringBuilder(t.Length - start);
            sb.Append(t[start..j]);
            while (true)
            {
                if (j >= t.Length)
                {
                    return false;
                }

                char c = t[j];
                if (c == '"')
                {
                    break;
                }

                if (c < ' ')
                {
                    return false;
                }

                if (c != '\\')
                {
                    sb.Append(c);
                    j++;
                    continue;
                }

                if (++j >= t.Length)
                {
                    return false;
                }

                int decoded = DecodeEscape(t, ref j);
                if (decoded < 0)
                {
                    return false;
                }

                sb.Append((char)decoded);
            }

            value = new JsString(sb.ToString());
            _i = j + 1;
            return true;
        }
    }

    /// <summary>
    /// Decodes the escape whose letter is at <paramref name="j"/> (just after the backslash); advances past it.
    /// Returns the code unit, or -1 when invalid or cut short.
    /// </summary>
    internal static int DecodeEscape(ReadOnlySpan<char> t, ref int j)
    {
        char e = t[j++];
        switch (e)
        {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u':
                if (j + 4 > t.Length)
                {
                    return -1;
                }

                int v = 0;
                for (int k = 0; k < 4; k++)
                {
                    int h = HexValue(t[j + k]);
                    if (h < 0)
                    {
                        return -1;
                    }

                    v = (v << 4) | h;
                }

                j += 4;
                return v;
            default:
                return -1;
        }
    }

    internal static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
