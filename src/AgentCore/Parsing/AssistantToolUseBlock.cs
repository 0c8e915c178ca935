using System.Diagnostics.CodeAnalysis;

namespace AgentCore.Parsing;

/// <summary>
/// A tool use (the reference's <c>ToolUse</c>): the tool name and its parameters in the order they first appeared.
/// </summary>
/// <remarks>
/// While a parameter is open its value is the raw text after its opening tag (untrimmed, possibly ending in part of
/// the closing tag), exactly as the reference shows it mid-stream. Values are index ranges into the parser's
/// accumulator; strings are built on read and cached until the value changes.
/// </remarks>
public sealed class AssistantToolUseBlock : AssistantMessageBlock
{
    private const int Open = -1;

    private readonly CharAccumulator _acc;
    private Param[] _params = new Param[4];
    private int _count;

    internal AssistantToolUseBlock(CharAccumulator acc, int toolIndex)
    {
        _acc = acc;
        ToolIndex = toolIndex;
    }

    /// <inheritdoc/>
    public override string Type => "tool_use";

    /// <summary>The tool name, one of <see cref="ToolVocabulary.ToolNames"/>.</summary>
    public string Name => ToolVocabulary.s_toolNames[ToolIndex];

    /// <summary>Number of parameters present.</summary>
    public int ParamCount => _count;

    internal int ToolIndex { get; }

    /// <summary>The name of parameter <paramref name="index"/> (in first-appearance order).</summary>
    public string GetParamName(int index) => ToolVocabulary.s_paramNames[At(index).Name];

    /// <summary>The value of parameter <paramref name="index"/> (in first-appearance order).</summary>
    public string GetParamValue(int index)
    {
        ref Param p = ref At(index);
        int end = p.End == Open ? _acc.Length : p.End;
        if (p.Cached is null || p.CachedEnd != end)
        {
            p.Cached = end == p.Start ? string.Empty : new string(_acc.Buffer, p.Start, end - p.Start);
            p.CachedEnd = end;
        }

        return p.Cached;
    }

    /// <summary>The value of parameter <paramref name="index"/> without a copy; valid until the parser is fed again.</summary>
    public ReadOnlySpan<char> GetParamValueSpan(int index)
    {
        ref Param p = ref At(index);
        int end = p.End == Open ? _acc.Length : p.End;
        return _acc.Buffer.AsSpan(p.Start, end - p.Start);
    }

    /// <summary>The value of the parameter named <paramref name="name"/>, when present.</summary>
    public bool TryGetParam(string name, [NotNullWhen(true)] out string? value)
    {
        int param = ToolVocabulary.IndexOf(ToolVocabulary.s_paramNames, name);
        int index = param < 0 ? -1 : Find(param);
        value = index < 0 ? null : GetParamValue(index);
        return value is not null;
    }

    /// <summary>Sets <paramref name="param"/> to the raw text from <paramref name="start"/> to the end of the message.</summary>
    internal void SetOpen(int param, int start) => Set(param, start, Open);

    /// <summary>Sets <paramref name="param"/> to the characters [<paramref name="start"/>, <paramref name="end"/>).</summary>
    internal void Set(int param, int start, int end)
    {
        int index = Find(param);
        if (index < 0)
        {
            if (_count == _params.Length)
            {
                Array.Resize(ref _params, _count * 2);
            }

            index = _count++;
            _params[index].Name = (byte)param;
        }

        ref Param p = ref _params[index];
        p.Start = start;
        p.End = end;
        p.Cached = null;
    }

    /// <summary>Ends an open parameter at <paramref name="end"/> (its last streamed value).</summary>
    internal void CloseOpen(int param, int end)
    {
        int index = Find(param);
        if (index >= 0 && _params[index].End == Open)
        {
            _params[index].End = end;
        }
    }

    /// <summary>A copy of the current parameters (used by the write_to_file fix).</summary>
    internal Param[] Snapshot() => _params.AsSpan(0, _count).ToArray();

    /// <summary>
    /// Puts every parameter except <paramref name="keep"/> back to <paramref name="snapshot"/>: parameters added since
    /// are removed, overwritten ones get their old value back, first-appearance order is kept.
    /// </summary>
    internal void Restore(Param[] snapshot, int keep)
    {
        int write = 0;
        for (int read = 0; read < _count; read++)
        {
            Param p = _params[read];
            if (p.Name != keep)
            {
                int old = snapshot.Length - 1;
                while (old >= 0 && snapshot[old].Name != p.Name)
                {
                    old--;
                }

                if (old < 0)
                {
                    continue;
                }

                p = snapshot[old];
                p.Cached = null;
            }

            _params[write++] = p;
        }

        _params.AsSpan(write, _count - write).Clear();
        _count = write;
    }

    private int Find(int param)
    {
        for (int i = 0; i < _count; i++)
        {
            if (_params[i].Name == param)
            {
                return i;
            }
        }

        return -1;
    }

    private ref Param At(int index)
    {
        if ((uint)index >= (uint)_count)
        {
            ThrowIndex(index);
        }

        return ref _params[index];
    }

    [DoesNotReturn]
    private static void ThrowIndex(int index) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, "No parameter at this index.");

    /// <summary>One parameter: its name index and value range (<c>End == -1</c>: open, ends at the message end).</summary>
    internal struct Param
    {
        public byte Name;
        public int Start;
        public int End;
        public string? Cached;
        public int CachedEnd;
    }
}
