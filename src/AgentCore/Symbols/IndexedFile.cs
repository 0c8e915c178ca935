namespace AgentCore.Symbols;

/// <summary>One file of an index under construction: its identity for change detection and its symbols
/// (atom ids of the builder's <see cref="SymbolAtoms"/>), or the reason it was skipped.</summary>
internal sealed record IndexedFile(string RelativePath, long Length, long MtimeTicks, List<(int Atom, string Kind, int StartRow, int EndRow)> Symbols, string? SkipReason);
