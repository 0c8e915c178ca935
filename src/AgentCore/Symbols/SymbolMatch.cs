namespace AgentCore.Symbols;

/// <summary>One symbol found by a lookup: name, kind (class, function, method, ...), path relative to the indexed
/// root, 1-based first and last line of the definition, and the match score (1.0 exact, 0.8 prefix, 0.7 substring,
/// 0.5 fuzzy).</summary>
public sealed record SymbolMatch(string Name, string Kind, string Path, int StartLine, int EndLine, double Score);
