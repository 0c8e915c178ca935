using AgentCore.Host.Rpc;
using AgentCore.Workspace;

namespace AgentCore.Host.Mcp;

/// <summary>
/// <c>search_files</c> (<see cref="WorkspaceOperations.SearchFilesAsync"/>) and <c>read_file</c>
/// (<see cref="WorkspaceOperations.ReadFileAsync"/>), confined to the workspace roots.
/// </summary>
internal static partial class McpTools
{
    private const string SearchFilesInput =
        """{"type":"object","properties":{"path":{"type":"string","description":"The directory to search, relative to the workspace root."},"regex":{"type":"string","description":"The pattern (ripgrep / Rust regex syntax)."},"file_pattern":{"type":"string","description":"A glob such as *.ts limiting the files searched."}},"required":["path","regex"],"additionalProperties":false}""";

    private const string SearchFilesOutput =
        """{"type":"object","properties":{"output":{"type":"string"},"results":{"type":"integer"},"regexError":{"type":"string"},"skipped":{"type":"array","items":{"type":"object","properties":{"path":{"type":"string"},"reason":{"type":"string"}},"required":["path","reason"]}}},"required":["output","results","skipped"]}""";

    private const string ReadFileInput =
        """{"type":"object","properties":{"path":{"type":"string","description":"The file, relative to the workspace root."},"start_line":{"type":"integer","minimum":1,"description":"First line (1-based)."},"end_line":{"type":"integer","minimum":1,"description":"Last line (inclusive)."}},"required":["path"],"additionalProperties":false}""";

    private const string ReadFileOutput =
        """{"type":"object","properties":{"output":{"type":"string"},"totalLines":{"type":"integer"},"isBinary":{"type":"boolean"}},"required":["output","totalLines","isBinary"]}""";

    private static McpTool SearchFiles() => McpTool.Create(
        "search_files",
        "Search files",
        "Searches the files under a directory of the workspace for a regex, as the Roo Code / Kilo Code search_files tool does (ripgrep semantics, one line of context, ignore rules applied). 'output' is the tool's text.",
        SearchFilesInput,
        SearchFilesOutput,
        McpJsonContext.Default.SearchFilesArguments,
        ServerJson.Info<SearchFilesResult>(),
        async (a, ctx, ct) =>
        {
            (string root, string path) = await ctx.ResolveAsync(a.Path, ct).ConfigureAwait(false);
            return await WorkspaceOperations.SearchFilesAsync(
                new SearchFilesRequest { Path = path, Regex = a.Regex, FilePattern = a.FilePattern, WorkspaceRoot = root }, ct).ConfigureAwait(false);
        });

    private static McpTool ReadFile() => McpTool.Create(
        "read_file",
        "Read file",
        "Reads a file of the workspace (optionally a line range) as the Roo Code / Kilo Code read_file tool shows it: numbered lines; binary files are detected and not shown.",
        ReadFileInput,
        ReadFileOutput,
        McpJsonContext.Default.ReadFileArguments,
        ServerJson.Info<ReadFileResult>(),
        async (a, ctx, ct) =>
        {
            (string root, string path) = await ctx.ResolveAsync(a.Path, ct).ConfigureAwait(false);
            return await WorkspaceOperations.ReadFileAsync(
                new ReadFileRequest { Path = path, StartLine = a.StartLine, EndLine = a.EndLine, WorkspaceRoot = root }, ct).ConfigureAwait(false);
        });
}
