namespace AgentCore.ToolCalls;

/// <summary>
/// A plain JavaScript object: own properties enumerate as JavaScript does (integer-like keys, the canonical decimal
/// forms of 0 … 4294967294, first in ascending numeric order, then the others in insertion order; a key assigned
/// again keeps its first position and takes the last value), with an optional prototype for the <c>__proto__</c>
/// assignments of <c>partial-json</c>.
/// </summary>
public sealed class JsObject : JsValue
{
    private readonly List<KeyValuePair<string, JsValue>> _entries = [];
    private Dictionary<string, int>? _index;
    private bool _hasIndexKeys;

    /// <summary>The prototype set through a <c>__proto__</c> assignment (an object or array), or null.</summary>
    public JsValue? Prototype { get; private set; }

    /// <summary>True after <c>__proto__ = null</c>: later <c>__proto__</c> keys are ordinary own keys.</summary>
    public bool HasNullPrototype { get; private set; }

    /// <summary>Number of own properties.</summary>
    public int Count => _entries.Count;

    /// <inheritdoc/>
    public override bool IsTruthy => true;

    /// <summary>Own properties in insertion order (not JavaScript order; see <see cref="OrderedEntries"/>).</summary>
    internal List<KeyValuePair<string, JsValue>> InsertionOrder => _entries;

    /// <summary>Creates or overwrites own property <paramref name="key"/> (a JSON.parse-style define, no prototype setter).</summary>
    public void Set(string key, JsValue value)
    {
        int i = IndexOf(key);
        if (i >= 0)
        {
            _entries[i] = new(key, value);
            return;
        }

        _entries.Add(new(key, value));
        _index?.Add(key, _entries.Count - 1);
        if (_index is null && _entries.Count > 8)
        {
            _index = new Dictionary<string, int>(_entries.Count * 2, StringComparer.Ordinal);
            for (int j = 0; j < _entries.Count; j++)
            {
                _index[_entries[j].Key] = j;
            }
        }

        _hasIndexKeys |= IsArrayIndex(key);
    }

    /// <summary>Sets <paramref name="key"/> when <paramref name="value"/> is present (absent keys are not serialised anyway).</summary>
    public void SetIfPresent(string key, JsValue? value)
    {
        if (value is not null)
        {
            Set(key, value);
        }
    }

    /// <summary>A JavaScript assignment <c>o[key] = value</c> on a plain object: <c>__proto__</c> goes to the prototype setter.</summary>
    public void Assign(string key, JsValue value)
    {
        if (key == "__proto__" && !HasNullPrototype)
        {
            if (value is JsObject or JsArray)
            {
                Prototype = value;
            }
            else if (value is JsNull)
            {
                Prototype = null;
                HasNullPrototype = true;
            }

            return;
        }

        Set(key, value);
    }

    /// <summary>Removes the property added last (the incremental parser's provisional member).</summary>
    internal void RemoveLast()
    {
        string key = _entries[^1].Key;
        _entries.RemoveAt(_entries.Count - 1);
        _index?.Remove(key);
    }

    /// <summary>Replaces the value of the property added last.</summary>
    internal void ReplaceLast(JsValue value) => _entries[^1] = new(_entries[^1].Key, value);

    /// <summary>True when <paramref name="key"/> is an own property.</summary>
    public bool HasOwn(string key) => IndexOf(key) >= 0;

    /// <summary>The own property <paramref name="key"/>, or absent.</summary>
    public JsValue? GetOwn(string key)
    {
        int i = IndexOf(key);
        return i >= 0 ? _entries[i].Value : null;
    }

    /// <summary>A property read: own, then inherited through the prototype chain.</summary>
    public JsValue? Get(string key)
    {
        JsObject? o = this;
        while (o is not null)
        {
            int i = o.IndexOf(key);
            if (i >= 0)
            {
                return o._entries[i].Value;
            }

            o = o.Prototype as JsObject; // an array prototype has no named properties the tools read
        }

        return null;
    }

    /// <summary>The JavaScript <c>in</c> test (own or inherited).</summary>
    public bool Has(string key) => Get(key) is not null;

    /// <summary>Own properties in JavaScript enumeration order (what <c>Object.entries</c> and <c>JSON.stringify</c> see).</summary>
    public IReadOnlyList<KeyValuePair<string, JsValue>> OrderedEntries()
    {
        if (!_hasIndexKeys)
        {
            return _entries;
        }

        var ordered = new List<KeyValuePair<string, JsValue>>(_entries.Count);
        foreach (KeyValuePair<string, JsValue> e in _entries)
        {
            if (IsArrayIndex(e.Key))
            {
                ordered.Add(e);
            }
        }

        ordered.Sort(static (a, b) => ulong.Parse(a.Key, System.Globalization.CultureInfo.InvariantCulture)
            .CompareTo(ulong.Parse(b.Key, System.Globalization.CultureInfo.InvariantCulture)));
        foreach (KeyValuePair<string, JsValue> e in _entries)
        {
            if (!IsArrayIndex(e.Key))
            {
                ordered.Add(e);
            }
        }

        return ordered;
    }

    /// <summary>True for the canonical decimal form of an integer 0 … 4294967294 (an array index).</summary>
    public static bool IsArrayIndex(ReadOnlySpan<char> key)
    {
        if (key.Length is 0 or > 10 || (key[0] == '0' && key.Length > 1))
        {
            return false;
        }

        ulong v = 0;
        foreach (char c in key)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            v = (v * 10) + (ulong)(c - '0');
        }

        return v <= 4294967294;
    }

    private int IndexOf(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out int i) ? i : -1;
        }

        for (int i = 0; i < _entries.Count; i++)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
