using AgentCore.Operations;

namespace AgentCore.ToolCalls;

/// <summary>
/// One model response's native tool calls, assembled as the reference does: raw <c>tool_call_partial</c> chunks into
/// start/delta/end events (<c>NativeToolCallParser.processRawChunk</c> and friends, spec §3), a partial tool use
/// after every delta and a final one per call (§5–§6), and the consumer's content blocks (Task, §8).
/// </summary>
/// <remarks>
/// The reference keeps this state in static, process-wide maps; here it belongs to one instance, so concurrent
/// streams do not interfere (spec §11). Each delta costs time proportional to its length (see
/// <see cref="IncrementalPartialJson"/>). Not thread-safe: one stream, one instance.
/// </remarks>
internal sealed class ToolCallStream
{
    /// <summary>The largest argument text of one call, in UTF-16 code units.</summary>
    public const int MaxArgumentLength = 64 * 1024 * 1024;

    private static readonly HashSet<string> s_noCustomTools = [];

    private readonly IReadOnlySet<string> _customTools;
    private readonly IToolCallSink _sink;
    private readonly Dictionary<ToolCallIndex, Tracker> _trackers = [];
    private readonly List<Tracker> _trackerOrder = [];
    private readonly Dictionary<string, StreamingCall> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);
    private readonly List<ToolUse> _blocks = [];
    private readonly List<ToolCallEvent> _events = [];

    /// <summary>Creates a stream reporting to <paramref name="sink"/>; <paramref name="customTools"/> are the registered custom tool names.</summary>
    public ToolCallStream(IToolCallSink sink, IReadOnlySet<string>? customTools = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _sink = sink;
        _customTools = customTools ?? s_noCustomTools;
    }

    /// <summary>The consumer's content blocks.</summary>
    public IReadOnlyList<ToolUse> Blocks => _blocks;

    /// <summary>A new API request: forgets every tracker, streaming call, position and block.</summary>
    public void StartStream()
    {
        _trackers.Clear();
        _trackerOrder.Clear();
        _calls.Clear();
        _positions.Clear();
        _blocks.Clear();
    }

    /// <summary>A <c>tool_call_partial</c> chunk (<c>processRawChunk</c>, then the consumer's handling of each event).</summary>
    public void ProcessChunk(int at, ToolCallIndex index, string? id, string? name, string? arguments)
    {
        _events.Clear();
        if (!_trackers.TryGetValue(index, out Tracker? t))
        {
            if (string.IsNullOrEmpty(id))
            {
                return; // no tracker and no id: the chunk is dropped
            }

            t = new Tracker(id, string.IsNullOrEmpty(name) ? "" : name);
            _trackers.Add(index, t);
            _trackerOrder.Add(t);
        }

        if (!string.IsNullOrEmpty(name))
        {
            t.Name = name;
        }

        if (!t.HasStarted && t.Name.Length > 0)
        {
            t.HasStarted = true;
            _events.Add(new ToolCallEvent(ToolCallEventType.Start, t.Id, t.Name));
            foreach (string piece in t.Buffer)
            {
                _events.Add(new ToolCallEvent(ToolCallEventType.Delta, t.Id, Delta: piece));
            }

            t.Buffer.Clear();
        }

        if (!string.IsNullOrEmpty(arguments))
        {
            if (t.HasStarted)
            {
                _events.Add(new ToolCallEvent(ToolCallEventType.Delta, t.Id, Delta: arguments));
            }
            else
            {
                t.Buffer.Add(arguments);
            }
        }

        foreach (ToolCallEvent e in _events)
        {
            if (e.Type == ToolCallEventType.Start)
            {
                bool duplicate = _positions.ContainsKey(e.Id);
                _sink.OnEvent(at, e, duplicate);
                if (!duplicate)
                {
                    _calls[e.Id] = new StreamingCall(e.Name!);
                    _positions[e.Id] = _blocks.Count;
                    _blocks.Add(ToolUse.Placeholder(e.Id, e.Name!));
                }
            }
            else
            {
                _sink.OnEvent(at, e, duplicate: false);
                ToolUse? p = ProcessDelta(e.Id, e.Delta!);
                _sink.OnPartial(at, e.Id, p);
                if (p is not null && _positions.TryGetValue(e.Id, out int pos))
                {
                    p.Id = e.Id;
                    _blocks[pos] = p;
                }
            }
        }
    }

    /// <summary>A finish reason (<c>processFinishReason</c>): <c>"tool_calls"</c> reports an end for every tracker; nothing else changes.</summary>
    public void ProcessFinishReason(int at, string? reason)
    {
        if (reason != "tool_calls")
        {
            return;
        }

        foreach (Tracker t in _trackerOrder)
        {
            _sink.OnEvent(at, new ToolCallEvent(ToolCallEventType.End, t.Id), duplicate: false);
        }
    }

    /// <summary>The end of the provider stream: <c>finalizeRawChunks</c>, a final per ended call, then every block complete.</summary>
    public void EndStream(int at)
    {
        _events.Clear();
        foreach (Tracker t in _trackerOrder)
        {
            if (t.HasStarted)
            {
                _events.Add(new ToolCallEvent(ToolCallEventType.End, t.Id));
            }
        }

        _trackers.Clear();
        _trackerOrder.Clear();
        foreach (ToolCallEvent e in _events)
        {
            _sink.OnEvent(at, e, duplicate: false);
        }

        foreach (ToolCallEvent e in _events)
        {
            ToolUse? f = null;
            ToolCallErrorKind error = ToolCallErrorKind.NoState;
            if (_calls.Remove(e.Id, out StreamingCall? call))
            {
                JsValue? parsed = call.Arguments.TryGetStrictValue(out JsValue tree) ? tree : null;
                f = ToolUseBuilder.BuildFinal(e.Id, call.Name, call.Arguments.Text, parsed, _customTools, out error);
            }

            if (f is not null)
            {
                f.Id = e.Id;
            }

            _sink.OnFinal(at, e.Id, f, error);
            if (_positions.Remove(e.Id, out int pos))
            {
                if (f is not null)
                {
                    _blocks[pos] = f;
                }
                else
                {
                    ToolUse kept = _blocks[pos];
                    kept.Reusable = false;
                    kept.Partial = false;
                    kept.Id = e.Id;
                }
            }
        }

        foreach (ToolUse b in _blocks)
        {
            b.Reusable = false;
            b.Partial = false;
        }

        _sink.OnBlocks(at, _blocks);
    }

    /// <summary>A complete <c>tool_call</c> chunk: <c>parseToolCall</c>; a tool use becomes a new block.</summary>
    public void ProcessToolCall(int at, string id, string name, string arguments)
    {
        ToolUse? f = ToolUseBuilder.BuildFinal(id, name, arguments.AsMemory(), _customTools, out ToolCallErrorKind error);
        if (f is not null)
        {
            f.Id = id;
            _blocks.Add(f);
        }

        _sink.OnFinal(at, id, f, error);
    }

    /// <summary><c>processStreamingChunk(id, delta)</c>.</summary>
    private ToolUse? ProcessDelta(string id, string delta)
    {
        if (!_calls.TryGetValue(id, out StreamingCall? call))
        {
            return null;
        }

        IncrementalPartialJson args = call.Arguments;
        if (args.Text.Length + (long)delta.Length > MaxArgumentLength)
        {
            OperationException.Throw(ErrorCodes.TooLarge, $"tool call {id}: argument text over {MaxArgumentLength} characters", id);
        }

        args.Append(delta);
        if (call.Name.StartsWith("mcp--", StringComparison.Ordinal))
        {
            return null; // dynamic MCP tools get no partials
        }

        JsValue? value = args.Parse();
        if (value is null)
        {
            return null;
        }

        ToolUse? last = call.LastPartial;
        JsString? open = args.OpenValueString;
        if (last is { Reusable: true, Partial: true } && args.LastParseOnlyExtendedString && open is not null
            && ReferenceEquals(open, call.LastOpenString) && call.LastOpenLength > 0
            && args.OpenValueStringRootKey is string key && !IsCoercedKey(key))
        {
            return last; // only a top-level string grew: the previous partial, whose string is that one, is current
        }

        ToolUse? p = ToolUseBuilder.BuildPartial(call.Name, value);
        call.LastPartial = p;
        call.LastOpenString = open;
        call.LastOpenLength = open?.Value.Length ?? 0;
        return p;
    }

    private static bool IsCoercedKey(string key) => key is "files" or "offset" or "limit" or "replace_all" or "recursive";

    private sealed class Tracker(string id, string name)
    {
        public string Id { get; } = id;

        public string Name { get; set; } = name;

        public bool HasStarted { get; set; }

        public List<string> Buffer { get; } = [];
    }

    private sealed class StreamingCall(string name)
    {
        public string Name { get; } = name;

        public IncrementalPartialJson Arguments { get; } = new();

        public ToolUse? LastPartial { get; set; }

        public JsString? LastOpenString { get; set; }

        public int LastOpenLength { get; set; }
    }
}
