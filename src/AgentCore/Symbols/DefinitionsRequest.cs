namespace AgentCore.Symbols;

/// <summary>A request for the reference's <c>list_code_definition_names</c> output.</summary>
/// <param name="Path">A file or directory; relative paths resolve against the process's working directory.</param>
/// <param name="MaxReadFileLine">The reference's <c>maxReadFileLine</c> setting: for a file, definitions starting
/// after this line are dropped (<c>truncateDefinitionsToLineLimit</c>); 0 or less (the default -1) keeps all.</param>
public sealed record DefinitionsRequest(string Path, int MaxReadFileLine = -1)
{
    /// <summary>The minimum number of lines of a printed definition (the reference's 4; its tests use 0).</summary>
    public int MinLines { get; init; } = 4;
}
