namespace AgentCore.Workspace;

/// <summary>A path the walk or a search could not use, and why (a sentence naming the path).</summary>
/// <param name="Path">The absolute path.</param>
/// <param name="Reason">e.g. <c>permission denied</c>, <c>file system loop</c>, <c>binary file</c>.</param>
public sealed record WalkSkip(string Path, string Reason);
