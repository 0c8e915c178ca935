using System.Runtime.InteropServices;

namespace AgentCore.Symbols;

/// <summary>One location of a symbol while an index is built: atom id, file index, 0-based rows, kind id (20 bytes,
/// the snapshot's symbol record).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SymbolRecord
{
    public int Atom;
    public int File;
    public int StartRow;
    public int EndRow;
    public int Kind;
}
