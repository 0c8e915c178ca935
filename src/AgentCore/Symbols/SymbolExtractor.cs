using System.Text;
using static AgentCore.Symbols.TreeSitterNative;

namespace AgentCore.Symbols;

/// <summary>
/// Named definitions of one file for the symbol index, from the same queries as the definitions listing: a
/// <c>name.definition.KIND</c> capture names its parent node; a plain <c>@name</c> capture takes its kind from the
/// <c>definition.KIND</c> capture of the same match. Where a query captures a whole declaration as its name (Go), the
/// node's <c>name</c> field is the name. Names longer than 256 bytes or
/// holding whitespace are not symbols.
/// </summary>
internal static unsafe class SymbolExtractor
{
    private const int MaxNameBytes = 256;
    private static readonly byte[] s_nameField = "name"u8.ToArray();

    /// <summary>The symbols of <paramref name="source"/>; throws InvalidOperationException when the grammar fails.</summary>
    public static List<ExtractedSymbol> Extract(DefinitionLanguage language, byte[] source)
    {
        TreeSitterQuery query = TreeSitterQuery.For(language);
        TreeSitterParserPool.Lease lease = TreeSitterParserPool.Rent(query.Language);
        nint tree = 0;
        var symbols = new List<ExtractedSymbol>();
        try
        {
            fixed (byte* p = source)
            {
                tree = ParserParseString(lease.Parser, 0, p, (uint)source.Length);
            }

            if (tree == 0)
            {
                throw new InvalidOperationException("the parser gave up on this file");
            }

            var seen = new HashSet<(string, int, int)>();
            QueryCursorExec(lease.Cursor, query.Handle, TreeRootNode(tree));
            TSQueryMatch match;
            uint index;
            while (QueryCursorNextCapture(lease.Cursor, &match, &index))
            {
                TSQueryCapture capture = match.Captures[index];
                CaptureKind kind = query.Kinds[capture.Index];
                if ((kind & CaptureKind.Name) == 0 || !query.Accepts(match, source))
                {
                    continue;
                }

                string captureName = query.CaptureNames[capture.Index];
                string? symbolKind = KindOf(captureName, query, match);
                if (symbolKind is null)
                {
                    continue;
                }

                TSNode nameNode = capture.Node;
                TSNode def;
                ReadOnlySpan<byte> name;
                fixed (byte* f = s_nameField)
                {
                    TSNode field = NodeChildByFieldName(nameNode, f, (uint)s_nameField.Length);
                    if (field.IsNull)
                    {
                        def = NodeParent(nameNode);
                        name = TreeSitterQuery.NodeText(nameNode, source);
                    }
                    else
                    {
                        def = nameNode; // the capture is the whole declaration (Go)
                        name = TreeSitterQuery.NodeText(field, source);
                    }
                }

                if (name.IsEmpty || name.Length > MaxNameBytes || name.IndexOfAny(" \t\r\n"u8) >= 0 || def.IsNull)
                {
                    continue;
                }

                int start = (int)NodeStartPoint(def).Row;
                int end = (int)NodeEndPoint(def).Row;
                string nameString = Encoding.UTF8.GetString(name);
                if (seen.Add((nameString, start, end)))
                {
                    symbols.Add(new ExtractedSymbol(name.ToArray(), symbolKind, start, end));
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

        return symbols;
    }

    /// <summary>"name.definition.class" gives "class"; "name" gives the kind of the match's definition capture.</summary>
    private static string? KindOf(string captureName, TreeSitterQuery query, in TSQueryMatch match)
    {
        const string Prefix = "name.definition.";
        if (captureName.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return captureName[Prefix.Length..];
        }

        if (captureName != "name")
        {
            return null; // func_name, decorator_name, definition.namespace, property.name.definition: not names of definitions
        }

        for (int i = 0; i < match.CaptureCount; i++)
        {
            string other = query.CaptureNames[match.Captures[i].Index];
            if (other.StartsWith("definition.", StringComparison.Ordinal))
            {
                return other["definition.".Length..];
            }
        }

        return null;
    }
}
