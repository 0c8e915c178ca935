namespace AgentCore.Tokenization;

/// <summary>The result of <see cref="TokenOperations.CountTokensAsync"/>.</summary>
/// <param name="Inputs">One entry per requested path, in request order.</param>
/// <param name="Total">The sum of the counts of the inputs that could be read.</param>
public sealed record CountTokensResult(IReadOnlyList<TokenCount> Inputs, long Total);
