namespace AgentCore.Host.Mcp;

/// <summary>Arguments of <c>count_tokens</c>.</summary>
/// <param name="Text">The text to count.</param>
/// <param name="Encoding"><c>o200k_base</c> (default) or <c>cl100k_base</c>.</param>
public sealed record CountTokensArguments(string Text, string? Encoding = null);
