using AgentCore.Host.Rpc;
using AgentCore.Tokenization;

namespace AgentCore.Host.Mcp;

/// <summary><c>count_tokens</c>: <see cref="TokenOperations.CountTokensAsync"/> on the given text.</summary>
internal static partial class McpTools
{
    private const string CountTokensInput =
        """{"type":"object","properties":{"text":{"type":"string","description":"The text to count."},"encoding":{"type":"string","enum":["o200k_base","cl100k_base"],"description":"The tiktoken encoding (default o200k_base)."}},"required":["text"],"additionalProperties":false}""";

    private const string CountTokensOutput =
        """{"type":"object","properties":{"inputs":{"type":"array","items":{"type":"object","properties":{"path":{"type":"string"},"count":{"type":"integer"},"ids":{"type":"array","items":{"type":"integer"}},"error":{"type":"object"}},"required":["path","count"]}},"total":{"type":"integer"}},"required":["inputs","total"]}""";

    private static McpTool CountTokens() => McpTool.Create(
        "count_tokens",
        "Count tokens",
        "Counts the tokens of a text exactly as OpenAI's tiktoken does (o200k_base by default, or cl100k_base); special-token text such as <|endoftext|> counts as ordinary text.",
        CountTokensInput,
        CountTokensOutput,
        McpJsonContext.Default.CountTokensArguments,
        ServerJson.Info<CountTokensResult>(),
        (a, ctx, ct) => TokenOperations.CountTokensAsync(
            new CountTokensRequest { Text = a.Text, Encoding = a.Encoding ?? new CountTokensRequest().Encoding }, ct));
}
