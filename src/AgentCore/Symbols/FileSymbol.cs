namespace AgentCore.Symbols;

/// <summary>One definition found in a file, before interning: where its name is in the source bytes, its kind (one
/// string instance per query capture, never allocated per symbol) and its 0-based rows.</summary>
internal readonly record struct FileSymbol(int NameStart, int NameLength, string Kind, int StartRow, int EndRow);
