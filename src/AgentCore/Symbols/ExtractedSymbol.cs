namespace AgentCore.Symbols;

/// <summary>One definition found in a file: its name (UTF-8 bytes of the source), kind and 0-based rows.</summary>
internal readonly record struct ExtractedSymbol(byte[] Name, string Kind, int StartRow, int EndRow);
