namespace AgentCore.Operations;

/// <summary>
/// The one error model of every operation: a stable <see cref="Code"/> (one of <see cref="ErrorCodes"/>), a plain
/// sentence for a person (<see cref="Message"/>, without the program name; it names the path or field itself), and
/// the input or parameter it concerns (<see cref="Target"/>: a path, or a request field in camelCase).
/// </summary>
/// <param name="Code">One of <see cref="ErrorCodes"/>.</param>
/// <param name="Message">A plain sentence, e.g. <c>/no/such/file: no such file or directory</c>.</param>
/// <param name="Target">The path or request field the error concerns, or null.</param>
public sealed record OperationError(string Code, string Message, string? Target = null);
