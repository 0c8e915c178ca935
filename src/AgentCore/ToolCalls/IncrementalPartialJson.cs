using System.Buffers;
using System.Runtime.CompilerServices;
using AgentCore.JavaScript;
using AgentCore.Parsing;

namespace AgentCore.ToolCalls;

/// <summary>
/// The accumulated argument text of one streamed tool call, and after every delta the value <c>partial-json</c>
/// 0.1.7 returns for all of it (<see cref="PartialJson"/>), computed without re-scanning: the scan state (a stack of
/// open containers, the open string, number or literal) is kept between deltas, and the value is one tree updated
/// in place, so a delta costs time proportional to its own length.
/// </summary>
/// <remarks>
/// The incremental path covers every text that is a prefix of well-formed JSON with an object at the top (what
/// providers send). The first character that leaves that grammar (garbage, a top-level scalar or array, a repeated
/// or <c>__proto__</c> key, <c>[ ]</c> with a blank inside, nesting past 512 levels) switches this call to
/// re-running <see cref="PartialJson.Parse(ReadOnlyMemory{char})"/> on the whole text per delta, as the reference does.
/// Strings without escapes are slices of the accumulated text; a string with escapes decodes into its own buffer
/// once. The returned tree, and the open string in it, change with the next <see cref="Append"/>. Not thread-safe.
/// </remarks>
internal sealed class IncrementalPartialJson
{
    private const int MaxCleanDepth = 512;

    private static readonly SearchValues<char> s_stringSpecial = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

    private char[] _text = [];
    private int _length;
    private bool _notStrict; // a character outside JSON.parse's grammar was skipped (non-JSON blank before, anything after the value)
    private int _pos;
    private bool _fallback;
    private JsValue? _fallbackValue;

    private Frame[] _stack = new Frame[8];
    private int _depth;
    private JsObject? _root;
    private Scalar _scalar;

    // The open string (a key or a value).
    private bool _stringIsKey;
    private int _stringStart; // raw index of the first content character
    private char[]? _decoded; // null while the string has no escape: its content is _text[_stringStart..]
    private int _decodedLength;
    private int _visibleLength; // decoded length up to the last character that JavaScript's trim keeps
    private bool _escapePending; // scanning stopped at a backslash whose escape is not complete yet
    private JsString? _openString;

    // The open number or literal.
    private int _tokenStart;
    private int _numberState;
    private int _lowerE; // raw index of a lower-case 'e' in the open number, or -1
    private string? _word;
    private JsValue? _wordValue;

    private enum State : byte
    {
        Start,
        ObjectStart,
        ObjectKey,
        ObjectColon,
        ObjectValue,
        ObjectAfterValue,
        ArrayStart,
        ArrayStartBlank,
        ArrayValue,
        ArrayAfterValue,
        Done,
    }

    private enum Scalar : byte
    {
        None,
        String,
        Number,
        Literal,
    }

    /// <summary>The accumulated text.</summary>
    public ReadOnlyMemory<char> Text => _text.AsMemory(0, _length);

    /// <summary>True once the text left the incremental grammar and every delta is parsed from scratch.</summary>
    public bool IsFallback => _fallback;

    /// <summary>True when the last <see cref="Parse"/> consumed only characters of the value string that was already open.</summary>
    public bool LastParseOnlyExtendedString { get; private set; }

    /// <summary>The value string still open at the end of the text (updated in place by later deltas), or null.</summary>
    public JsString? OpenValueString => _scalar == Scalar.String && !_stringIsKey && !_fallback ? _openString : null;

    /// <summary>The key of <see cref="OpenValueString"/> when it is a direct member of the top-level object, else null.</summary>
    public string? OpenValueStringRootKey =>
        OpenValueString is not null && _depth == 1 && _stack[0].Container is JsObject ? _stack[0].Key : null;

    /// <summary>Appends a delta to the accumulated text (no parsing).</summary>
    public void Append(ReadOnlySpan<char> delta)
    {
        if (_length + delta.Length > _text.Length)
        {
            Grow(delta.Length);
        }

        delta.CopyTo(_text.AsSpan(_length));
        _length += delta.Length;
    }

    /// <summary>Scans what was appended since the last call; returns <c>parseJSON(Text)</c>, or null where it fails.</summary>
    public JsValue? Parse()
    {
        if (_fallback)
        {
            LastParseOnlyExtendedString = false;
            _fallbackValue = PartialJson.Parse(Text);
            return _fallbackValue;
        }

        LastParseOnlyExtendedString = _scalar == Scalar.String && !_stringIsKey;
        Scan();
        if (_fallback)
        {
            LastParseOnlyExtendedString = false;
            _openString = null;
            _fallbackValue = PartialJson.Parse(Text);
            return _fallbackValue;
        }

        FinishTail();
        return _root;
    }

    /// <summary>
    /// The value <c>JSON.parse(Text)</c> gives, when the text was scanned to its end on the incremental path and is
    /// one complete, valid JSON object (the tree is then exactly that value: it saves the final strict re-parse).
    /// </summary>
    public bool TryGetStrictValue(out JsValue value)
    {
        value = _root!;
        return !_fallback && !_notStrict && _pos == _length && _root is not null && _depth == 0;
    }

    private void Grow(int extra)
    {
        int size = Math.Max(Math.Max(_text.Length * 2, _length + extra), 64);
        char[] bigger = GC.AllocateUninitializedArray<char>(size);
        _text.AsSpan(0, _length).CopyTo(bigger);
        _text = bigger;
    }

    private void Scan()
    {
        while (_pos < _length && !_fallback)
        {
            if (_scalar == Scalar.String)
            {
                if (!ScanString())
                {
                    return; // an escape is cut by the end of the text
                }

                continue;
            }

            LastParseOnlyExtendedString = false;
            char c = _text[_pos];
            if (_scalar == Scalar.Number)
            {
                if (NumberChar(c))
                {
                    _pos++;
                    continue;
                }
            }
            else if (_scalar == Scalar.Literal)
            {
                int k = _pos - _tokenStart;
                if (c != _word![k])
                {
                    Fail();
                    return;
                }

                _pos++;
                if (k + 1 == _word.Length)
                {
                    _scalar = Scalar.None;
                    SetTail(_wordValue);
                    ValueDone();
                }

                continue;
            }

            Structural(c);
            if (!_fallback)
            {
                _pos++;
            }
        }
    }

    private static bool IsBlank(char c) => c is ' ' or '\n' or '\r' or '\t';

    private void Structural(char c)
    {
        State state = CurrentState;
        switch (state)
        {
            case State.Start:
                if (c == '{')
                {
                    _root = new JsObject();
                    Push(_root, State.ObjectStart);
                }
                else if (!JsText.IsWhiteSpace(c))
                {
                    Fail();
                }
                else if (!IsBlank(c))
                {
                    _notStrict = true;
                }

                return;
            case State.Done:
                // Text after the first value is ignored; only JSON whitespace keeps the text valid for JSON.parse.
                _notStrict |= _text.AsSpan(_pos, _length - _pos).IndexOfAnyExcept(" \t\n\r") >= 0;
                _pos = _length - 1;
                return;
        }

        if (IsBlank(c))
        {
            if (state == State.ArrayStart)
            {
                Top.State = State.ArrayStartBlank;
            }

            return;
        }

        switch (state)
        {
            case State.ObjectStart when c == '}':
            case State.ObjectAfterValue when c == '}':
                Pop();
                return;
            case State.ObjectStart when c == '"':
            case State.ObjectKey when c == '"':
                BeginString(isKey: true);
                return;
            case State.ObjectColon when c == ':':
                Top.State = State.ObjectValue;
                return;
            case State.ObjectAfterValue when c == ',':
                Top.State = State.ObjectKey;
                return;
            case State.ArrayStart when c == ']':
            case State.ArrayAfterValue when c == ']':
                Pop();
                return;
            case State.ArrayAfterValue when c == ',':
                Top.State = State.ArrayValue;
                return;
            case State.ObjectValue:
            case State.ArrayStart:
            case State.ArrayStartBlank:
            case State.ArrayValue:
                BeginValue(c);
                return;
            default:
                Fail(); // includes "[ ]": partial-json keeps [] and loses everything after it
                return;
        }
    }

    private ref Frame Top => ref _stack[_depth - 1];

    private void BeginValue(char c)
    {
        switch (c)
        {
            case '"':
                BeginString(isKey: false);
                return;
            case '{':
            case '[':
                if (_depth >= MaxCleanDepth)
                {
                    Fail();
                    return;
                }

                JsValue container = c == '{' ? new JsObject() : new JsArray();
                SetTail(container);
                Top.HasProvisional = false;
                Top.State = Top.Container is JsObject ? State.ObjectAfterValue : State.ArrayAfterValue;
                Push(container, c == '{' ? State.ObjectStart : State.ArrayStart);
                return;
            case 't':
                BeginLiteral("true", JsBool.True);
                return;
            case 'f':
                BeginLiteral("false", JsBool.False);
                return;
            case 'n':
                BeginLiteral("null", JsNull.Instance);
                return;
            case '-':
            case >= '0' and <= '9':
                _scalar = Scalar.Number;
                _tokenStart = _pos;
                _lowerE = -1;
                _numberState = c == '-' ? 0 : c == '0' ? 1 : 2;
                return;
            default:
                Fail();
                return;
        }
    }

    private void BeginLiteral(string word, JsValue value)
    {
        _scalar = Scalar.Literal;
        _tokenStart = _pos;
        _word = word;
        _wordValue = value;
    }

    // Number states: 0 "-", 1 "0", 2 int digits, 3 ".", 4 fraction digits, 5 "e", 6 "e+", 7 exponent digits.
    private bool NumberChar(char c)
    {
        int next = _numberState switch
        {
            0 => c == '0' ? 1 : char.IsAsciiDigit(c) ? 2 : -1,
            1 => c == '.' ? 3 : c is 'e' or 'E' ? 5 : char.IsAsciiDigit(c) ? -1 : -2,
            2 => char.IsAsciiDigit(c) ? 2 : c == '.' ? 3 : c is 'e' or 'E' ? 5 : -2,
            3 => char.IsAsciiDigit(c) ? 4 : -1,
            4 => char.IsAsciiDigit(c) ? 4 : c is 'e' or 'E' ? 5 : -2,
            5 => c is '+' or '-' ? 6 : char.IsAsciiDigit(c) ? 7 : -1,
            6 => char.IsAsciiDigit(c) ? 7 : -1,
            _ => char.IsAsciiDigit(c) ? 7 : -2,
        };

        if (next == -1)
        {
            Fail();
            return true;
        }

        if (next == -2)
        {
            // The number ends here, complete; the character is handled by the container.
            _scalar = Scalar.None;
            SetTail(new JsNumber(StrictJson.ParseNumber(_text.AsSpan(_tokenStart, _pos - _tokenStart))));
            ValueDone();
            return false;
        }

        if (c == 'e')
        {
            _lowerE = _pos;
        }

        _numberState = next;
        return true;
    }

    private void BeginString(bool isKey)
    {
        _scalar = Scalar.String;
        _stringIsKey = isKey;
        _stringStart = _pos + 1;
        _decoded = null;
        _decodedLength = 0;
        _visibleLength = 0;
        _escapePending = false;
        if (!isKey)
        {
            _openString = new JsString(ReadOnlyMemory<char>.Empty);
            SetTail(_openString);
        }
    }

    /// <summary>Scans string content from <see cref="_pos"/>; false when it stopped at an escape cut by the end of the text.</summary>
    private bool ScanString()
    {
        while (_pos < _length)
        {
            ReadOnlySpan<char> rest = _text.AsSpan(_pos, _length - _pos);
            int special = rest.IndexOfAny(s_stringSpecial);
            int run = special < 0 ? rest.Length : special;
            if (run > 0)
            {
                AppendContent(rest[..run]);
                _pos += run;
            }

            if (special < 0)
            {
                _escapePending = false;
                return true;
            }

            char c = rest[special];
            if (c == '"')
            {
                _pos++;
                CloseString();
                return true;
            }

            if (c != '\\')
            {
                Fail(); // a raw control character
                return true;
            }

            if (_pos + 1 >= _length)
            {
                _escapePending = true;
                return false;
            }

            char letter = _text[_pos + 1];
            if (letter == 'u' && _pos + 6 > _length)
            {
                for (int k = _pos + 2; k < _length; k++)
                {
                    if (StrictJson.HexValue(_text[k]) < 0)
                    {
                        Fail();
                        return true;
                    }
                }

                _escapePending = true;
                return false;
            }

            int j = _pos + 1;
            int decoded = StrictJson.DecodeEscape(_text.AsSpan(0, _length), ref j);
            if (decoded < 0)
            {
                Fail();
                return true;
            }

            AppendDecoded((char)decoded);
            _pos = j;
        }

        _escapePending = false;
        return true;
    }

    private void AppendContent(ReadOnlySpan<char> run)
    {
        if (_decoded is not null)
        {
            EnsureDecoded(run.Length);
            run.CopyTo(_decoded.AsSpan(_decodedLength));
        }

        _decodedLength += run.Length;
        int trailing = 0;
        while (trailing < run.Length && JsText.IsWhiteSpace(run[run.Length - 1 - trailing]))
        {
            trailing++;
        }

        if (trailing < run.Length)
        {
            _visibleLength = _decodedLength - trailing;
        }
    }

    private void AppendDecoded(char c)
    {
        if (_decoded is null)
        {
            _decoded = new char[Math.Max(16, _decodedLength * 2)];
            _text.AsSpan(_stringStart, _decodedLength).CopyTo(_decoded);
        }

        EnsureDecoded(1);
        _decoded[_decodedLength++] = c;
        _visibleLength = _decodedLength; // an escape is never trimmed
    }

    private void EnsureDecoded(int extra)
    {
        if (_decodedLength + extra > _decoded!.Length)
        {
            char[] bigger = GC.AllocateUninitializedArray<char>(Math.Max(_decoded.Length * 2, _decodedLength + extra));
            _decoded.AsSpan(0, _decodedLength).CopyTo(bigger);
            _decoded = bigger;
        }
    }

    private ReadOnlyMemory<char> Content(int length) =>
        _decoded is null ? _text.AsMemory(_stringStart, length) : _decoded.AsMemory(0, length);

    private void CloseString()
    {
        LastParseOnlyExtendedString = false;
        _scalar = Scalar.None;
        if (_stringIsKey)
        {
            string key = Content(_decodedLength).ToString();
            var o = (JsObject)Top.Container;
            if (key == "__proto__" || o.HasOwn(key))
            {
                Fail(); // prototype assignment or a repeated key: left to the from-scratch parser
                return;
            }

            Top.Key = key;
            Top.State = State.ObjectColon;
            return;
        }

        _openString!.Value = Content(_decodedLength);
        _openString = null;
        ValueDone();
    }

    private void ValueDone()
    {
        Top.HasProvisional = false;
        Top.State = Top.Container is JsObject ? State.ObjectAfterValue : State.ArrayAfterValue;
    }

    /// <summary>Brings the value at the end of the text (open string, number or literal) up to date.</summary>
    private void FinishTail()
    {
        switch (_scalar)
        {
            case Scalar.String when !_stringIsKey:
                _openString!.Value = Content(_escapePending ? _decodedLength : _visibleLength);
                return;
            case Scalar.Literal:
                SetTail(_wordValue);
                return;
            case Scalar.Number:
                ReadOnlySpan<char> tok = _text.AsSpan(_tokenStart, _length - _tokenStart);
                JsValue? v = null;
                if (_numberState is 1 or 2 or 4 or 7)
                {
                    v = new JsNumber(StrictJson.ParseNumber(tok));
                }
                else if (_numberState is 5 or 6 && _lowerE >= 0)
                {
                    v = new JsNumber(StrictJson.ParseNumber(_text.AsSpan(_tokenStart, _lowerE - _tokenStart)));
                }

                SetTail(v);
                return;
        }
    }

    /// <summary>Sets, replaces or (for null) removes the top container's provisional last member.</summary>
    private void SetTail(JsValue? value)
    {
        ref Frame f = ref Top;
        if (f.Container is JsObject o)
        {
            if (f.HasProvisional)
            {
                if (value is null)
                {
                    o.RemoveLast();
                    f.HasProvisional = false;
                }
                else
                {
                    o.ReplaceLast(value);
                }
            }
            else if (value is not null)
            {
                o.Set(f.Key!, value);
                f.HasProvisional = true;
            }

            return;
        }

        List<JsValue> items = ((JsArray)f.Container).Items;
        if (f.HasProvisional)
        {
            if (value is null)
            {
                items.RemoveAt(items.Count - 1);
                f.HasProvisional = false;
            }
            else
            {
                items[^1] = value;
            }
        }
        else if (value is not null)
        {
            items.Add(value);
            f.HasProvisional = true;
        }
    }

    private State CurrentState => _depth > 0 ? Top.State : _root is null ? State.Start : State.Done;

    private void Push(JsValue container, State state)
    {
        if (_depth == _stack.Length)
        {
            Array.Resize(ref _stack, _depth * 2);
        }

        _stack[_depth++] = new Frame { Container = container, State = state };
    }

    private void Pop() => _depth--;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Fail() => _fallback = true;

    private struct Frame
    {
        public JsValue Container;
        public State State;
        public string? Key;
        public bool HasProvisional;
    }
}
