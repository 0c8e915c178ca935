namespace AgentCore.Symbols;

/// <summary>The reference tool's text, and whether it is an answer or one of its error sentences.</summary>
/// <param name="Text">Exactly what the reference's tool returns to the model.</param>
/// <param name="Status">What kind of text it is.</param>
public sealed record DefinitionsResult(string Text, DefinitionsStatus Status);

/// <summary>The kind of a <see cref="DefinitionsResult"/>.</summary>
public enum DefinitionsStatus
{
    /// <summary>Definitions were found (the text lists them).</summary>
    Found,

    /// <summary>The path exists but has no definitions (the reference's "No source code definitions found..." texts).</summary>
    None,

    /// <summary>The reference's failure sentences: the path does not exist, cannot be read, is neither a file nor a
    /// directory, or names an unsupported language.</summary>
    Failed,
}
