namespace AgentCore.Workspace;

/// <summary>One line ripgrep reports (<c>match</c> or <c>context</c>); <see cref="Text"/> is null when the line is not UTF-8 (the reference drops such lines).</summary>
internal readonly record struct SearchLine(long Number, string? Text, bool IsMatch);
