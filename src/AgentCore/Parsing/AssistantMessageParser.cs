using System.Diagnostics.CodeAnalysis;
using AgentCore.JavaScript;
using AgentCore.Diagnostics;

namespace AgentCore.Parsing;

/// <summary>
/// Incremental parser of the extension's XML tool-use format (<c>&lt;read_file&gt;&lt;path&gt;a.ts&lt;/path&gt;&lt;/read_file&gt;</c>):
/// the reference's <c>AssistantMessageParser</c>, with the same blocks after every chunk for any chunking.
/// </summary>
/// <remarks>
/// <para>
/// The reference walks the message one UTF-16 code unit at a time and, per character, slices the current block and
/// tests suffixes. Every tag it recognises ends with <c>&gt;</c>, so this parser jumps from one <c>&gt;</c> to the next
/// (a vectorized search) and tests suffixes only there, with look-back bounded by the longest tag. Block contents are
/// index ranges into one append-only buffer, trimmed incrementally and turned into strings only when read.
/// Total work is O(message length) however the message is chunked; allocations depend on the number of blocks and
/// the message length, not on the number of chunks.
/// </para>
/// <para>
/// With <c>fixes</c> on, one defect of the reference is corrected (see docs/parity.md, "Assistant-message parsing"):
/// in a <c>write_to_file</c> whose content contains <c>&lt;/content&gt;</c>, parameter tags inside the content no longer
/// overwrite the tool's parameters.
/// </para>
/// <para>Not thread-safe.</para>
/// </remarks>
public sealed class AssistantMessageParser
{
    /// <summary>The reference's <c>MAX_ACCUMULATOR_SIZE</c>: 1 MiB of UTF-16 code units.</summary>
    public const int MaxAccumulatorSize = 1024 * 1024;

    /// <summary>The reference's <c>MAX_PARAM_LENGTH</c>: a parameter longer than this is abandoned.</summary>
    public const int MaxParamLength = 1024 * 100;

    private const string ContentOpenTag = "<content>";
    private const string ContentCloseTag = "</content>";

    private static readonly string[] s_toolCloseTags = CloseTags(ToolVocabulary.s_toolNames);
    private static readonly string[] s_paramCloseTags = CloseTags(ToolVocabulary.s_paramNames);

    private readonly bool _fixes;
    private CharAccumulator _acc = new();
    private List<AssistantMessageBlock> _blocks = [];

    private State _state;
    private AssistantTextBlock? _text;
    private int _textStart;
    private AssistantToolUseBlock? _tool;
    private int _toolStart;
    private int _param = -1;
    private int _paramStart;

    // write_to_file: position of the first "<content>" inside the tool (-1: none yet), and with fixes on, the
    // parameters as they were when that tag opened the content parameter.
    private int _firstContentOpen = -1;
    private AssistantToolUseBlock.Param[]? _contentSnapshot;

    /// <summary>Creates a parser with the reference's behaviour, or with <paramref name="fixes"/> the corrected one.</summary>
    public AssistantMessageParser(bool fixes = false) => _fixes = fixes;

    private enum State
    {
        Text,
        Tool,
        Param,
    }

    /// <summary>Number of UTF-16 code units fed so far.</summary>
    public int Length => _acc.Length;

    /// <summary>The current blocks (the reference's <c>getContentBlocks()</c>).</summary>
    public AssistantMessageBlocks Blocks => new(_blocks, _blocks.Count);

    /// <summary>Feeds <paramref name="chunk"/>; returns the blocks after it (the reference's <c>processChunk</c>).</summary>
    /// <exception cref="AssistantMessageTooLargeException">The message would exceed <see cref="MaxAccumulatorSize"/>; nothing was processed.</exception>
    public AssistantMessageBlocks ProcessChunk(string chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        return ProcessChunk(chunk.AsSpan());
    }

    /// <summary>Feeds <paramref name="chunk"/>; returns the blocks after it (the reference's <c>processChunk</c>).</summary>
    /// <remarks>Amortized O(<paramref name="chunk"/> length). A chunk may end inside a surrogate pair.</remarks>
    /// <exception cref="AssistantMessageTooLargeException">The message would exceed <see cref="MaxAccumulatorSize"/>; nothing was processed.</exception>
    public AssistantMessageBlocks ProcessChunk(ReadOnlySpan<char> chunk)
    {
        using ProfileScope scope = Profiler.Scope("parse.chunk");
        if ((long)_acc.Length + chunk.Length > MaxAccumulatorSize)
        {
            ThrowTooLarge();
        }

        int pos = _acc.Length;
        _acc.Append(chunk);
        char[] buffer = _acc.Buffer;
        int end = _acc.Length;
        while (pos < end)
        {
            pos = _state switch
            {
                State.Text => RunText(buffer, pos, end),
                State.Tool => RunTool(buffer, pos, end),
                _ => RunParam(buffer, pos, end),
            };
        }

        return Blocks;
    }

    /// <summary>
    /// The reference's <c>finalizeContentBlocks()</c>: every block becomes non-partial and text is trimmed again
    /// (it already is). Parameters are not touched; an open parameter keeps its raw value.
    /// </summary>
    public void FinalizeContentBlocks()
    {
        foreach (AssistantMessageBlock block in _blocks)
        {
            block.Partial = false;
        }
    }

    /// <summary>Forgets everything fed so far. Blocks returned before stay readable and no longer change.</summary>
    public void Reset()
    {
        _acc = new CharAccumulator();
        _blocks = [];
        _state = State.Text;
        _text = null;
        _textStart = 0;
        _tool = null;
        _toolStart = 0;
        _param = -1;
        _paramStart = 0;
        _firstContentOpen = -1;
        _contentSnapshot = null;
    }

    /// <summary>Text outside tools: runs to the next '&gt;' and starts a tool there if it ends an opening tool tag.</summary>
    private int RunText(char[] buffer, int pos, int end)
    {
        if (_text is null)
        {
            _text = new AssistantTextBlock(_acc, pos);
            _textStart = pos;
            _blocks.Add(_text);
        }

        int gt = buffer.AsSpan(pos, end - pos).IndexOf('>');
        if (gt < 0)
        {
            return end;
        }

        int i = pos + gt;
        int tagStart = MatchOpenTag(buffer, _textStart, i, ToolVocabulary.s_toolNames, ToolVocabulary.s_maxToolNameLength, out int tool);
        if (tool >= 0)
        {
            _text.Close(tagStart);
            _text = null;
            _tool = new AssistantToolUseBlock(_acc, tool);
            _blocks.Add(_tool);
            _toolStart = i + 1;
            _firstContentOpen = -1;
            _contentSnapshot = null;
            _state = State.Tool;
        }

        return i + 1;
    }

    /// <summary>Inside a tool, between parameters: the tool's closing tag, a parameter's opening tag, the write_to_file fix-up.</summary>
    private int RunTool(char[] buffer, int pos, int end)
    {
        AssistantToolUseBlock tool = _tool!;
        int gt = buffer.AsSpan(pos, end - pos).IndexOf('>');
        if (gt < 0)
        {
            return end;
        }

        int i = pos + gt;
        bool writeToFile = tool.ToolIndex == ToolVocabulary.WriteToFileTool;
        if (writeToFile)
        {
            NoteContentOpen(buffer, i);
        }

        if (EndsWith(buffer, _toolStart, i, s_toolCloseTags[tool.ToolIndex]))
        {
            tool.Partial = false;
            _tool = null;
            _state = State.Text;
            return i + 1;
        }

        int tagStart = MatchOpenTag(buffer, _toolStart, i, ToolVocabulary.s_paramNames, ToolVocabulary.s_maxParamNameLength, out int param);
        if (param >= 0)
        {
            _param = param;
            _paramStart = i + 1;
            _state = State.Param;
            if (_fixes && writeToFile && param == ToolVocabulary.ContentParam && tagStart == _firstContentOpen && _contentSnapshot is null)
            {
                _contentSnapshot = tool.Snapshot();
            }

            return i + 1;
        }

        if (writeToFile && EndsWith(buffer, _toolStart, i, ContentCloseTag))
        {
            // The reference takes indexOf("<content>") + 9 (8 when there is none: its -1 guard never fires) up to
            // lastIndexOf("</content>"), which is the tag that just ended.
            int start = _firstContentOpen >= 0 ? _firstContentOpen + ContentOpenTag.Length : _toolStart + ContentOpenTag.Length - 1;
            int stop = i + 1 - ContentCloseTag.Length;
            if (stop > start)
            {
                (start, stop) = JsText.StripOneNewline(buffer, start, stop);
                tool.Set(ToolVocabulary.ContentParam, start, stop);
                if (_contentSnapshot is not null)
                {
                    tool.Restore(_contentSnapshot, ToolVocabulary.ContentParam);
                }
            }
        }

        return i + 1;
    }

    /// <summary>Inside a parameter: its closing tag, or abandonment past <see cref="MaxParamLength"/>.</summary>
    private int RunParam(char[] buffer, int pos, int end)
    {
        AssistantToolUseBlock tool = _tool!;
        if (pos == _paramStart)
        {
            // The reference writes the raw value from the first character after the opening tag on.
            tool.SetOpen(_param, _paramStart);
        }

        bool writeToFile = tool.ToolIndex == ToolVocabulary.WriteToFileTool;
        string closeTag = s_paramCloseTags[_param];
        int limit = _paramStart + MaxParamLength; // the character that makes the value too long
        int searchEnd = Math.Min(end, limit);
        while (pos < searchEnd)
        {
            int gt = buffer.AsSpan(pos, searchEnd - pos).IndexOf('>');
            if (gt < 0)
            {
                break;
            }

            int i = pos + gt;
            if (writeToFile)
            {
                NoteContentOpen(buffer, i);
            }

            if (EndsWith(buffer, _paramStart, i, closeTag))
            {
                int valueEnd = i + 1 - closeTag.Length;
                (int start, int stop) = _param == ToolVocabulary.ContentParam
                    ? JsText.StripOneNewline(buffer, _paramStart, valueEnd)
                    : JsText.Trim(buffer, _paramStart, valueEnd);
                tool.Set(_param, start, stop);
                _param = -1;
                _state = State.Tool;
                return i + 1;
            }

            pos = i + 1;
        }

        if (limit >= end)
        {
            return end;
        }

        // Too long: the value keeps its last streamed contents (the first MaxParamLength characters), the parameter
        // is dropped and its closing tag will be ignored; the character itself is consumed without any other check.
        tool.CloseOpen(_param, limit);
        if (writeToFile && buffer[limit] == '>')
        {
            NoteContentOpen(buffer, limit);
        }

        _param = -1;
        _state = State.Tool;
        return limit + 1;
    }

    /// <summary>Records where the first "&lt;content&gt;" of a write_to_file tool is (the reference's indexOf).</summary>
    private void NoteContentOpen(char[] buffer, int i)
    {
        if (_firstContentOpen < 0 && EndsWith(buffer, _toolStart, i, ContentOpenTag))
        {
            _firstContentOpen = i + 1 - ContentOpenTag.Length;
        }
    }

    /// <summary>
    /// If the '&gt;' at <paramref name="i"/> ends <c>&lt;name&gt;</c> for a name in <paramref name="names"/> starting at or
    /// after <paramref name="lowerBound"/>, returns the tag's start and the name's index; otherwise -1 and -1.
    /// </summary>
    private static int MatchOpenTag(char[] buffer, int lowerBound, int i, string[] names, int maxNameLength, out int index)
    {
        int min = Math.Max(lowerBound, i - maxNameLength - 1);
        for (int j = i - 1; j >= min; j--)
        {
            char c = buffer[j];
            if (c == '<')
            {
                index = ToolVocabulary.IndexOf(names, buffer.AsSpan(j + 1, i - j - 1));
                return index >= 0 ? j : -1;
            }

            if (c is not ((>= 'a' and <= 'z') or '_'))
            {
                break;
            }
        }

        index = -1;
        return -1;
    }

    /// <summary>True when [<paramref name="lowerBound"/>, <paramref name="i"/>] ends with <paramref name="tag"/>.</summary>
    private static bool EndsWith(char[] buffer, int lowerBound, int i, string tag)
    {
        int start = i + 1 - tag.Length;
        return start >= lowerBound && buffer.AsSpan(start, tag.Length).SequenceEqual(tag);
    }

    private static string[] CloseTags(string[] names)
    {
        var tags = new string[names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            tags[i] = "</" + names[i] + ">";
        }

        return tags;
    }

    [DoesNotReturn]
    private static void ThrowTooLarge() => throw new AssistantMessageTooLargeException();
}
