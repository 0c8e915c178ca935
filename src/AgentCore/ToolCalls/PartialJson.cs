using AgentCore.JavaScript;

namespace AgentCore.ToolCalls;

/// <summary>
/// The <c>partial-json</c> 0.1.7 <c>parseJSON(text)</c> algorithm (with <c>Allow.ALL</c>), from scratch, step by step
/// as the parity spec's §4.2 describes it: the reference re-runs it on the whole accumulated argument text after
/// every delta. <see cref="IncrementalPartialJson"/> gives the same values without re-scanning and falls back to
/// this for text that is not a clean JSON prefix.
/// </summary>
/// <remarks>O(n) per call (plus strict re-parses of closed tokens). Nesting deeper than <see cref="MaxDepth"/> fails at that level.</remarks>
internal static class PartialJson
{
    /// <summary>The deepest nesting parsed; a deeper container fails as if the JavaScript stack had run out.</summary>
    public const int MaxDepth = 1000;

    private static readonly (string Word, JsValue Value, int MinRest)[] s_words =
    [
        ("null", JsNull.Instance, 1),
        ("true", JsBool.True, 1),
        ("false", JsBool.False, 1),
        ("Infinity", new JsNumber(double.PositiveInfinity), 1),
        ("-Infinity", new JsNumber(double.NegativeInfinity), 2),
        ("NaN", new JsNumber(double.NaN), 1),
    ];

    /// <summary>Returns the value <c>parseJSON(text)</c> returns, or null where it throws.</summary>
    public static JsValue? Parse(ReadOnlyMemory<char> text)
    {
        (int start, int end) = JsText.Trim(text.Span, 0, text.Length);

        if (start == end)
        {
            return null;
        }

        var p = new Parser(text[start..end]);
        return p.Value(0, out JsValue? v) ? v : null;
    }

    /// <summary>Returns the value <c>parseJSON(text)</c> returns, or null where it throws.</summary>
    public static JsValue? Parse(string text) => Parse(text.AsMemory());

    private struct Parser(ReadOnlyMemory<char> text)
    {
        private readonly ReadOnlyMemory<char> _t = text;
        private readonly int _n = text.Length;
        private int _i;

        private void SkipBlanks()
        {
            ReadOnlySpan<char> t = _t.Span;
            while (_i < _n && t[_i] is ' ' or '\n' or '\r' or '\t')
            {
                _i++;
            }
        }

        public bool Value(int depth, out JsValue? value)
        {
            value = null;
            SkipBlanks();
            if (_i >= _n)
            {
                return false;
            }

            ReadOnlySpan<char> t = _t.Span;
            char c = t[_i];
            if (c == '"')
            {
                return Str(out value);
            }

            if (c == '{')
            {
                if (depth >= MaxDepth)
                {
                    return false;
                }

                value = Obj(depth + 1);
                return true;
            }

            if (c == '[')
            {
                if (depth >= MaxDepth)
                {
                    return false;
                }

                value = Arr(depth + 1);
                return true;
            }

            ReadOnlySpan<char> rest = t[_i..];
            foreach ((string word, JsValue v, int minRest) in s_words)
            {
                if (rest.StartsWith(word, StringComparison.Ordinal)
                    || (rest.Length >= minRest && rest.Length < word.Length && word.AsSpan().StartsWith(rest, StringComparison.Ordinal)))
                {
                    _i += word.Length;
                    value = v;
                    return true;
                }
            }

            return Num(out value);
        }

        private bool Str(out JsValue? value)
        {
            ReadOnlySpan<char> t = _t.Span;
            int s = _i;
            bool esc = false;
            _i++;
            while (_i < _n && (t[_i] != '"' || esc))
            {
                esc = t[_i] == '\\' ? !esc : false;
                _i++;
            }

            if (_i < _n)
            {
                _i++;
                return StrictJson.TryParse(_t[s.._i], out value!);
            }

            string first = string.Concat(t[s..(_n - (esc ? 1 : 0))], "\"");
            if (StrictJson.TryParse(first, out value!))
            {
                return true;
            }

            string second = string.Concat(Sub(t, s, t.LastIndexOf('\\')), "\"");
            return StrictJson.TryParse(second, out value!);
        }

        private JsObject Obj(int depth)
        {
            var o = new JsObject();
            _i++;
            SkipBlanks();
            while (true)
            {
                if (_i < _n && _t.Span[_i] == '}')
                {
                    break;
                }

                SkipBlanks();
                if (_i >= _n)
                {
                    return o;
                }

                if (!Str(out JsValue? k))
                {
                    return o;
                }

                SkipBlanks();
                _i++;
                if (!Value(depth, out JsValue? v))
                {
                    return o;
                }

                o.Assign(k!.ToString()!, v!);
                SkipBlanks();
                if (_i < _n && _t.Span[_i] == ',')
                {
                    _i++;
                }
            }

            _i++;
            return o;
        }

        private JsArray Arr(int depth)
        {
            var a = new JsArray();
            _i++;
            while (true)
            {
                if (_i < _n && _t.Span[_i] == ']')
                {
                    break;
                }

                if (!Value(depth, out JsValue? v))
                {
                    return a;
                }

                a.Items.Add(v!);
                SkipBlanks();
                if (_i < _n && _t.Span[_i] == ',')
                {
                    _i++;
                }
            }

            _i++;
            return a;
        }

        private bool Num(out JsValue? value)
        {
            ReadOnlySpan<char> t = _t.Span;
            if (_i == 0)
            {
                if (t is "-")
                {
                    value = null;
                    return false;
                }

                return StrictJson.TryParse(_t, out value!)
                    || StrictJson.TryParse(new string(Sub(t, 0, t.LastIndexOf('e'))), out value!);
            }

            int s = _i;
            if (t[_i] == '-')
            {
                _i++;
            }

            while (_i < _n && t[_i] is not (',' or ']' or '}'))
            {
                _i++;
            }

            if (StrictJson.TryParse(_t[s.._i], out value!))
            {
                return true;
            }

            if (t[s.._i] is "-")
            {
                value = null;
                return false;
            }

            return StrictJson.TryParse(new string(Sub(t, s, t.LastIndexOf('e'))), out value!);
        }

        /// <summary>JavaScript <c>substring(a, b)</c>: both clamped to [0, length], swapped when a &gt; b.</summary>
        private static ReadOnlySpan<char> Sub(ReadOnlySpan<char> t, int a, int b)
        {
            a = Math.Clamp(a, 0, t.Length);
            b = Math.Clamp(b, 0, t.Length);
            return a <= b ? t[a..b] : t[b..a];
        }
    }
}
