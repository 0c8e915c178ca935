using AgentCore.Diagnostics;
using static AgentCore.Symbols.TreeSitterNative;

namespace AgentCore.Symbols;

/// <summary>
/// Named definitions of one file for the symbol index, from the same queries as the definitions listing: a
/// <c>name.definition.KIND</c> capture names its parent node; a plain <c>@name</c> capture takes its kind from the
/// <c>definition.KIND</c> capture of the same match. Where a query captures a whole declaration as its name (Go), the
/// node's <c>name</c> field is the name. Names longer than 256 bytes or
/// holding whitespace are not symbols.
/// </summary>
/// <remarks>The tree is deleted before this returns: nothing of a file outlives its extraction but the symbols.</remarks>
internal static unsafe class SymbolExtractor
{
    private const int MaxNameBytes = 256;
    private static readonly byte[] s_nameField = "name"u8.ToArray();

    /// <summary>Appends the symbols of <paramref name="source"/> to <paramref name="symbols"/> in capture order (the
    /// same name and rows may appear twice; the index keeps the first). Throws InvalidOperationException when the grammar fails.</summary>
    public static void Extract(DefinitionLanguage language, ReadOnlySpan<byte> source, List<FileSymbol> symbols)
    {
        TreeSitterQuery query = TreeSitterQuery.For(language);
        TreeSitterParserPool.Lease lease = TreeSitterParserPool.Rent(query.Language);
        nint tree = 0;
        try
        {
            fixed (byte* p = source)
            {
                using (Profiler.Scope("symbols.parse_file"))
                {
                    tree = ParserParseString(lease.Parser, 0, p, (uint)source.Length);
                }

                if (tree == 0)
                {
                    throw new InvalidOperationException("the parser gave up on this file");
                }

                using ProfileScope scope = Profiler.Scope("symbols.query_file");
                QueryCursorExec(lease.Cursor, query.Handle, TreeRootNode(tree));
                TSQueryMatch match;
                uint index;
                while (QueryCursorNextCapture(lease.Cursor, &match, &index))
                {
                    TSQueryCapture capture = match.Captures[index];
                    if ((query.Kinds[capture.Index] & CaptureKind.Name) == 0 || !query.Accepts(match, source))
                    {
                        continue;
                    }

                    string? symbolKind = KindOf(capture.Index, query, match);
                    if (symbolKind is null)
                    {
                        continue;
                    }

                    TSNode nameNode = capture.Node;
                    TSNode def;
                    TSNode nameText;
                    fixed (byte* f = s_nameField)
                    {
                        TSNode field = NodeChildByFieldName(nameNode, f, (uint)s_nameField.Length);
                        (def, nameText) = field.IsNull ? (NodeParent(nameNode), nameNode) : (nameNode, field); // a whole declaration (Go)
                    }

                    int nameStart = (int)NodeStartByte(nameText);
                    ReadOnlySpan<byte> name = TreeSitterQuery.NodeText(nameText, source);
                    if (name.IsEmpty || name.Length > MaxNameBytes || name.IndexOfAny(" \t\r\n"u8) >= 0 || def.IsNull)
                    {
                        continue;
                    }

                    symbols.Add(new FileSymbol(nameStart, name.Length, symbolKind, (int)NodeStartPoint(def).Row, (int)NodeEndPoint(def).Row));
                }
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

    /// <summary>"name.definition.class" gives "class"; "name" gives the kind of the match's definition capture;
    /// func_name, decorator_name, definition.namespace, property.name.definition: not names of definitions.</summary>
    private static string? KindOf(uint captureId, TreeSitterQuery query, in TSQueryMatch match)
    {
        string? kind = query.NameDefinitionKinds[captureId];
        if (kind is not null || query.CaptureNames[captureId] != "name")
        {
            return kind;
        }

        for (int i = 0; i < match.CaptureCount; i++)
        {
            kind = query.DefinitionKinds[match.Captures[i].Index];
            if (kind is not null)
            {
                return kind;
            }
        }

        return null;
    }
}
