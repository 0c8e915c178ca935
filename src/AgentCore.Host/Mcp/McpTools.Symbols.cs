using AgentCore.Host.Rpc;
using AgentCore.Symbols;

namespace AgentCore.Host.Mcp;

/// <summary>
/// <c>find_symbol</c>: <see cref="SymbolIndexOperations.FindSymbolsAsync(SymbolsRequest, SymbolIndexCache?, CancellationToken)"/>
/// on the index of a workspace root (or a directory inside the roots), kept open in the session's cache: built on the
/// first call (from its snapshot when there is one), brought up to date incrementally after files change.
/// </summary>
internal static partial class McpTools
{
    private const string FindSymbolInput =
        """{"type":"object","properties":{"query":{"type":"string","minLength":1,"description":"The symbol name or part of it: exact, prefix, substring and fuzzy (characters in order) matches, ASCII case-insensitive, best first."},"limit":{"type":"integer","minimum":1,"maximum":1000000,"description":"At most this many matches (default 50)."},"path":{"type":"string","description":"The directory whose index is searched, relative to the workspace root (default: the first root)."}},"required":["query"],"additionalProperties":false}""";

    private const string FindSymbolOutput =
        """{"type":"object","properties":{"matches":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"},"kind":{"type":"string"},"path":{"type":"string"},"startLine":{"type":"integer"},"endLine":{"type":"integer"},"score":{"type":"number"}},"required":["name","kind","path","startLine","endLine","score"]}}},"required":["matches"]}""";

    private static McpTool FindSymbol() => McpTool.Create(
        "find_symbol",
        "Find symbol",
        "Finds classes, functions, methods and other definitions by name in the workspace's symbol index (tree-sitter): exact 1.0, prefix 0.8, substring 0.7, fuzzy 0.5, best first. Each match has its kind, the file relative to the searched directory, and its 1-based first and last line.",
        FindSymbolInput,
        FindSymbolOutput,
        McpJsonContext.Default.FindSymbolArguments,
        ServerJson.Info<SymbolsResult>(),
        async (a, ctx, ct) =>
        {
            (_, string path) = await ctx.ResolveAsync(a.Path ?? ".", ct).ConfigureAwait(false);
            return await SymbolIndexOperations.FindSymbolsAsync(new SymbolsRequest(a.Query, path, a.Limit), ctx.Symbols, ct).ConfigureAwait(false);
        });
}
