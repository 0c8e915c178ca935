using AgentCore.Operations;

namespace AgentCore.Tokenization;

/// <summary>The token count of one input of a <see cref="CountTokensRequest"/>, or why it could not be read.</summary>
/// <param name="Path">The path as requested (<c>-</c> for the request's own input).</param>
/// <param name="Count">The number of tokens; 0 when <paramref name="Error"/> is set.</param>
/// <param name="Ids">The token ids when <see cref="CountTokensRequest.Ids"/> was set; empty otherwise.</param>
/// <param name="Error">Why the input could not be read (a plain sentence naming the path), or null.</param>
public sealed record TokenCount(string Path, int Count, ReadOnlyMemory<int> Ids, OperationError? Error);
