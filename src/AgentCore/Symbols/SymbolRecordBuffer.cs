using System.Runtime.InteropServices;

namespace AgentCore.Symbols;

/// <summary>
/// A growable array of <see cref="SymbolRecord"/> in native memory: it grows with <c>realloc</c> (for large blocks
/// the C library moves pages with <c>mremap</c> instead of copying, so growth never holds two copies) and is freed at
/// once on dispose, not at the garbage collector's next full collection. An index of 773,000 symbols holds 15 MB here
/// instead of a list of tuples with a string per symbol.
/// </summary>
/// <remarks>Not thread-safe: the index builder appends under its lock.</remarks>
internal sealed unsafe class SymbolRecordBuffer : IDisposable
{
    private const int InitialCapacity = 4096;
    private SymbolRecord* _items;
    private int _capacity;

    /// <summary>The number of records.</summary>
    public int Count { get; private set; }

    /// <summary>The records (valid until the next append or dispose).</summary>
    public Span<SymbolRecord> Span => new(_items, Count);

    /// <summary>Appends one record.</summary>
    public void Add(in SymbolRecord record)
    {
        if (Count == _capacity)
        {
            Grow();
        }

        _items[Count++] = record;
    }

    private void Grow()
    {
        int capacity = _capacity == 0 ? InitialCapacity : checked(_capacity * 2);
        _items = (SymbolRecord*)NativeMemory.Realloc(_items, (nuint)capacity * (nuint)sizeof(SymbolRecord));
        _capacity = capacity;
    }

    public void Dispose()
    {
        NativeMemory.Free(_items);
        _items = null;
        _capacity = 0;
        Count = 0;
    }
}
