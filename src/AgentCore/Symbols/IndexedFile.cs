namespace AgentCore.Symbols;

/// <summary>One file of an index being written: its identity for change detection (relative path, length,
/// modification ticks), its number of symbols and the reason it was skipped, if it was.</summary>
internal struct IndexedFile
{
    public string Path;
    public long Length;
    public long MtimeTicks;
    public int SymbolCount;
    public string? Reason;
}
