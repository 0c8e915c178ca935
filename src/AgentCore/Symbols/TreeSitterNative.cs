using System.Runtime.InteropServices;

namespace AgentCore.Symbols;

/// <summary>
/// The few tree-sitter C runtime functions AgentCore calls (runtime 0.25, src/AgentCore/Symbols/Native). The library is
/// linked statically into the AOT executable (DirectPInvoke) and loaded as libagentcore_ts.so under the JIT (tests).
/// </summary>
internal static unsafe partial class TreeSitterNative
{
    private const string Library = "agentcore_ts";

    [StructLayout(LayoutKind.Sequential)]
    internal struct TSPoint
    {
        public uint Row;
        public uint Column;
    }

    /// <summary>A node handle (32 bytes, passed by value); valid while its tree lives.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct TSNode
    {
        public uint Context0;
        public uint Context1;
        public uint Context2;
        public uint Context3;
        public nint Id;
        public nint Tree;

        public readonly bool IsNull => Id == 0;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct TSQueryCapture
    {
        public TSNode Node;
        public uint Index;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct TSQueryMatch
    {
        public uint Id;
        public ushort PatternIndex;
        public ushort CaptureCount;
        public TSQueryCapture* Captures;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct TSQueryPredicateStep
    {
        public uint Type; // 0 done, 1 capture, 2 string
        public uint ValueId;
    }

    [LibraryImport(Library, EntryPoint = "agentcore_ts_language", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint Language(string name);

    /// <summary>stat(2) following symlinks: 1 regular file, 2 directory, 3 other, 0 cannot be stat'ed.</summary>
    [LibraryImport(Library, EntryPoint = "agentcore_file_kind", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int FileKind(string path);

    [LibraryImport(Library, EntryPoint = "ts_language_abi_version")]
    internal static partial uint LanguageAbiVersion(nint language);

    [LibraryImport(Library, EntryPoint = "ts_parser_new")]
    internal static partial nint ParserNew();

    [LibraryImport(Library, EntryPoint = "ts_parser_delete")]
    internal static partial void ParserDelete(nint parser);

    [LibraryImport(Library, EntryPoint = "ts_parser_set_language")]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool ParserSetLanguage(nint parser, nint language);

    [LibraryImport(Library, EntryPoint = "ts_parser_parse_string")]
    internal static partial nint ParserParseString(nint parser, nint oldTree, byte* text, uint length);

    [LibraryImport(Library, EntryPoint = "ts_parser_reset")]
    internal static partial void ParserReset(nint parser);

    [LibraryImport(Library, EntryPoint = "ts_tree_delete")]
    internal static partial void TreeDelete(nint tree);

    [LibraryImport(Library, EntryPoint = "ts_tree_root_node")]
    internal static partial TSNode TreeRootNode(nint tree);

    [LibraryImport(Library, EntryPoint = "ts_node_start_point")]
    internal static partial TSPoint NodeStartPoint(TSNode node);

    [LibraryImport(Library, EntryPoint = "ts_node_end_point")]
    internal static partial TSPoint NodeEndPoint(TSNode node);

    [LibraryImport(Library, EntryPoint = "ts_node_start_byte")]
    internal static partial uint NodeStartByte(TSNode node);

    [LibraryImport(Library, EntryPoint = "ts_node_end_byte")]
    internal static partial uint NodeEndByte(TSNode node);

    [LibraryImport(Library, EntryPoint = "ts_node_parent")]
    internal static partial TSNode NodeParent(TSNode node);

    [LibraryImport(Library, EntryPoint = "ts_node_child_count")]
    internal static partial uint NodeChildCount(TSNode node);

    [LibraryImport(Library, EntryPoint = "ts_node_child")]
    internal static partial TSNode NodeChild(TSNode node, uint index);

    [LibraryImport(Library, EntryPoint = "ts_node_child_by_field_name")]
    internal static partial TSNode NodeChildByFieldName(TSNode node, byte* name, uint nameLength);

    [LibraryImport(Library, EntryPoint = "ts_node_has_error")]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool NodeHasError(TSNode node);

    [LibraryImport(Library, EntryPoint = "ts_query_new")]
    internal static partial nint QueryNew(nint language, byte* source, uint length, uint* errorOffset, uint* errorType);

    [LibraryImport(Library, EntryPoint = "ts_query_delete")]
    internal static partial void QueryDelete(nint query);

    [LibraryImport(Library, EntryPoint = "ts_query_pattern_count")]
    internal static partial uint QueryPatternCount(nint query);

    [LibraryImport(Library, EntryPoint = "ts_query_capture_count")]
    internal static partial uint QueryCaptureCount(nint query);

    [LibraryImport(Library, EntryPoint = "ts_query_string_count")]
    internal static partial uint QueryStringCount(nint query);

    [LibraryImport(Library, EntryPoint = "ts_query_capture_name_for_id")]
    internal static partial byte* QueryCaptureNameForId(nint query, uint id, uint* length);

    [LibraryImport(Library, EntryPoint = "ts_query_string_value_for_id")]
    internal static partial byte* QueryStringValueForId(nint query, uint id, uint* length);

    [LibraryImport(Library, EntryPoint = "ts_query_predicates_for_pattern")]
    internal static partial TSQueryPredicateStep* QueryPredicatesForPattern(nint query, uint patternIndex, uint* stepCount);

    [LibraryImport(Library, EntryPoint = "ts_query_cursor_new")]
    internal static partial nint QueryCursorNew();

    [LibraryImport(Library, EntryPoint = "ts_query_cursor_delete")]
    internal static partial void QueryCursorDelete(nint cursor);

    [LibraryImport(Library, EntryPoint = "ts_query_cursor_exec")]
    internal static partial void QueryCursorExec(nint cursor, nint query, TSNode node);

    [LibraryImport(Library, EntryPoint = "ts_query_cursor_next_capture")]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool QueryCursorNextCapture(nint cursor, TSQueryMatch* match, uint* captureIndex);
}
