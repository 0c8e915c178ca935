using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using static AgentCore.Symbols.TreeSitterNative;

namespace AgentCore.Symbols;

/// <summary>
/// The reference's <c>processCaptures</c> (parity spec 3.3) over tree-sitter captures: sort by start row (stable),
/// keep captures whose name contains "definition" or "name", use the parent node for "name" captures, skip ranges
/// under the minimum line count or already printed, print <c>S--E | first line</c>, and for non-name captures also
/// the context range of the capture node's parent up to its last child.
/// </summary>
internal static unsafe partial class DefinitionCaptures
{
    /// <summary>The reference's DEFAULT_MIN_COMPONENT_LINES_VALUE.</summary>
    public const int DefaultMinLines = 4;

    [GeneratedRegex(@"^[^A-Z]*<\/?(?:div|span|button|input|h[1-6]|p|a|img|ul|li|form)\b", RegexOptions.ECMAScript | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlElement();

    private struct Capture
    {
        public TSNode Node;
        public uint Id;
        public uint Row;
        public int Order;
    }

    /// <summary>Parses <paramref name="source"/> with the language's grammar, runs its query and appends the
    /// definition lines to <paramref name="output"/>. Returns false when nothing was printed (the reference's null).</summary>
    public static bool Format(DefinitionLanguage language, byte[] source, int minLines, IBufferWriter<byte> output, CancellationToken ct)
    {
        TreeSitterQuery query = TreeSitterQuery.For(language);
        TreeSitterParserPool.Lease lease = TreeSitterParserPool.Rent(query.Language);
        nint tree = 0;
        try
        {
            fixed (byte* p = source)
            {
                tree = ParserParseString(lease.Parser, 0, p, (uint)source.Length);
            }

            if (tree == 0)
            {
                return false;
            }

            ct.ThrowIfCancellationRequested();
            Capture[] captures = Collect(query, lease.Cursor, tree, source, out int count);
            try
            {
                if (count == 0)
                {
                    return false;
                }

                Array.Sort(captures, 0, count, CaptureOrder.Instance);
                bool html = language.Key is "jsx" or "tsx";
                return Emit(query, captures.AsSpan(0, count), new SourceLines(source, source.Length), source, minLines, html, output);
            }
            finally
            {
                ArrayPool<Capture>.Shared.Return(captures);
            }
        }
        finally
        {
            if (tree != 0)
            {
                TreeDelete(tree);
            }

            TreeSitterParserPool.Return(lease);
        }
    }

    private static Capture[] Collect(TreeSitterQuery query, nint cursor, nint tree, byte[] source, out int count)
    {
        Capture[] captures = ArrayPool<Capture>.Shared.Rent(256);
        count = 0;
        QueryCursorExec(cursor, query.Handle, TreeRootNode(tree));
        TSQueryMatch match;
        uint index;
        while (QueryCursorNextCapture(cursor, &match, &index))
        {
            if (!query.Accepts(match, source))
            {
                continue;
            }

            if (count == captures.Length)
            {
                Capture[] bigger = ArrayPool<Capture>.Shared.Rent(count * 2);
                captures.AsSpan(0, count).CopyTo(bigger);
                ArrayPool<Capture>.Shared.Return(captures);
                captures = bigger;
            }

            TSQueryCapture c = match.Captures[index];
            captures[count] = new Capture { Node = c.Node, Id = c.Index, Row = NodeStartPoint(c.Node).Row, Order = count };
            count++;
        }

        return captures;
    }

    private static bool Emit(TreeSitterQuery query, ReadOnlySpan<Capture> captures, SourceLines lines, byte[] source, int minLines, bool html, IBufferWriter<byte> output)
    {
        var seen = new HashSet<long>();
        bool any = false;
        foreach (Capture capture in captures)
        {
            CaptureKind kind = query.Kinds[capture.Id];
            if (kind == CaptureKind.Ignored)
            {
                continue;
            }

            TSNode def = (kind & CaptureKind.Name) != 0 ? NodeParent(capture.Node) : capture.Node;
            if (def.IsNull)
            {
                continue;
            }

            uint start = NodeStartPoint(def).Row;
            uint end = NodeEndPoint(def).Row;
            if ((long)end - start + 1 < minLines || !seen.Add(Key(start, end)))
            {
                continue;
            }

            if ((kind & CaptureKind.NameDefinition) != 0)
            {
                if (TreeSitterQuery.NodeText(capture.Node, source).IsEmpty)
                {
                    seen.Remove(Key(start, end));
                    continue;
                }

                WriteLine(output, start, end, lines[(int)start]);
                any = true;
                continue;
            }

            if (html && HtmlElement().IsMatch(JsString.Trim(Encoding.UTF8.GetString(lines[(int)start]))))
            {
                seen.Remove(Key(start, end));
                continue;
            }

            WriteLine(output, start, end, lines[(int)start]);
            any = true;
            TSNode parent = NodeParent(capture.Node);
            if (parent.IsNull)
            {
                continue;
            }

            uint children = NodeChildCount(parent);
            if (children == 0)
            {
                continue;
            }

            uint contextStart = NodeStartPoint(parent).Row;
            uint contextEnd = NodeEndPoint(NodeChild(parent, children - 1)).Row;
            if ((long)contextEnd - contextStart + 1 >= minLines && seen.Add(Key(contextStart, contextEnd)))
            {
                WriteLine(output, contextStart, contextEnd, lines[(int)contextStart]);
            }
        }

        return any;
    }

    private static long Key(uint start, uint end) => ((long)start << 32) | end;

    /// <summary>Appends <c>{start+1}--{end+1} | {line}\n</c>.</summary>
    internal static void WriteLine(IBufferWriter<byte> output, uint start, uint end, ReadOnlySpan<byte> line)
    {
        Span<byte> span = output.GetSpan(32 + line.Length);
        int n = 0;
        ((ulong)start + 1).TryFormat(span, out int w);
        n += w;
        span[n++] = (byte)'-';
        span[n++] = (byte)'-';
        ((ulong)end + 1).TryFormat(span[n..], out w);
        n += w;
        span[n++] = (byte)' ';
        span[n++] = (byte)'|';
        span[n++] = (byte)' ';
        line.CopyTo(span[n..]);
        n += line.Length;
        span[n++] = (byte)'\n';
        output.Advance(n);
    }

    private sealed class CaptureOrder : IComparer<Capture>
    {
        public static readonly CaptureOrder Instance = new();

        public int Compare(Capture x, Capture y) => x.Row != y.Row ? x.Row.CompareTo(y.Row) : x.Order.CompareTo(y.Order);
    }
}
