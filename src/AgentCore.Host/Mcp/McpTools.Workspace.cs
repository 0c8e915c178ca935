using AgentCore.Host.Rpc;
using AgentCore.Symbols;
using AgentCore.Workspace;

namespace AgentCore.Host.Mcp;

/// <summary>
/// <c>list_files</c> (<see cref="WorkspaceOperations.ListFilesAsync"/>) and <c>list_code_definition_names</c>
/// (<see cref="DefinitionsOperations.ListDefinitionsAsync"/>), confined to the workspace roots.
/// </summary>
internal static partial class McpTools
{
    private const string ListFilesInput =
        """{"type":"object","properties":{"path":{"type":"string","description":"The directory, relative to the workspace root."},"recursive":{"type":"boolean","description":"List the whole tree (default false: the directory's own entries)."},"limit":{"type":"integer","minimum":0,"description":"At most this many entries (default 200)."}},"required":["path"],"additionalProperties":false}""";

    private const string ListFilesOutput =
        """{"type":"object","properties":{"paths":{"type":"array","items":{"type":"string"}},"didHitLimit":{"type":"boolean"},"output":{"type":"string"},"skipped":{"type":"array","items":{"type":"object","properties":{"path":{"type":"string"},"reason":{"type":"string"}},"required":["path","reason"]}}},"required":["paths","didHitLimit","output","skipped"]}""";

    private const string DefinitionsInput =
        """{"type":"object","properties":{"path":{"type":"string","description":"A source file or a directory, relative to the workspace root."}},"required":["path"],"additionalProperties":false}""";

    private const string DefinitionsOutput =
        """{"type":"object","properties":{"text":{"type":"string"},"status":{"type":"string"}},"required":["text","status"]}""";

    private static McpTool ListFiles() => McpTool.Create(
        "list_files",
        "List files",
        "Lists a directory of the workspace as the Roo Code / Kilo Code list_files tool does: .gitignore and the extension's ignore rules applied, directories ending with '/', at most limit entries. 'output' is the tool's text.",
        ListFilesInput,
        ListFilesOutput,
        McpJsonContext.Default.ListFilesArguments,
        ServerJson.Info<ListFilesResult>(),
        async (a, ctx, ct) =>
        {
            (string root, string path) = await ctx.ResolveAsync(a.Path, ct).ConfigureAwait(false);
            return await WorkspaceOperations.ListFilesAsync(
                new ListFilesRequest { Path = path, Recursive = a.Recursive, Limit = a.Limit, WorkspaceRoot = root }, ct).ConfigureAwait(false);
        });

    private static McpTool ListCodeDefinitionNames() => McpTool.Create(
        "list_code_definition_names",
        "List code definitions",
        "Lists the classes, functions and other definitions of a source file, or of the files at the top level of a directory, with line ranges, as the Roo Code / Kilo Code list_code_definition_names tool does (tree-sitter).",
        DefinitionsInput,
        DefinitionsOutput,
        McpJsonContext.Default.DefinitionsArguments,
        ServerJson.Info<DefinitionsResult>(),
        async (a, ctx, ct) =>
        {
            (_, string path) = await ctx.ResolveAsync(a.Path, ct).ConfigureAwait(false);
            return await DefinitionsOperations.ListDefinitionsAsync(new DefinitionsRequest(path), ct).ConfigureAwait(false);
        });
}
