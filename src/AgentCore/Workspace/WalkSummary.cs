namespace AgentCore.Workspace;

/// <summary>What a walk saw: files reported, directories read, and the paths it skipped with the reason.</summary>
internal sealed record WalkSummary(int Files, int Directories, IReadOnlyList<WalkSkip> Skipped);
