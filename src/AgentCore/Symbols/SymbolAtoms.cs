using System.Runtime.InteropServices;
using AgentCore.Memory;

namespace AgentCore.Symbols;

/// <summary>
/// Interns symbol names as UTF-8 atoms: each distinct name is stored once, in a <see cref="Utf8Arena"/>, and named by a
/// dense id. Lookup is an open-addressing hash table of ids keyed by the name bytes (no string per name).
/// </summary>
/// <remarks>Not thread-safe: one builder owns it. Disposing returns the arena's segments to the pool.</remarks>
internal sealed class SymbolAtoms : IDisposable
{
    private readonly Utf8Arena _arena = new();
    private ArenaSlice[] _atoms = new ArenaSlice[256];
    private int[] _slots = new int[512]; // atom id + 1, 0 = empty
    private int _count;

    /// <summary>The number of distinct names.</summary>
    public int Count => _count;

    /// <summary>Bytes of name text held in the arena.</summary>
    public long TextBytes => _arena.UsedBytes;

    /// <summary>The UTF-8 bytes of atom <paramref name="id"/>.</summary>
    public ReadOnlySpan<byte> this[int id] => _atoms[id].Span;

    /// <summary>The id of <paramref name="name"/>, adding it on first sight.</summary>
    public int Intern(ReadOnlySpan<byte> name)
    {
        int mask = _slots.Length - 1;
        int slot = (int)(Hash(name) & (uint)mask);
        while (true)
        {
            int entry = _slots[slot];
            if (entry == 0)
            {
                break;
            }

            if (_atoms[entry - 1].Span.SequenceEqual(name))
            {
                return entry - 1;
            }

            slot = (slot + 1) & mask;
        }

        if (_count == _atoms.Length)
        {
            Array.Resize(ref _atoms, _count * 2);
        }

        int id = _count++;
        _atoms[id] = _arena.Append(name);
        _slots[slot] = id + 1;
        if (_count * 2 > _slots.Length)
        {
            Grow();
        }

        return id;
    }

    private void Grow()
    {
        int[] slots = new int[_slots.Length * 2];
        int mask = slots.Length - 1;
        for (int id = 0; id < _count; id++)
        {
            int slot = (int)(Hash(_atoms[id].Span) & (uint)mask);
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = id + 1;
        }

        _slots = slots;
    }

    /// <summary>FNV-1a over the bytes, 4 at a time where it can (names are short).</summary>
    internal static uint Hash(ReadOnlySpan<byte> bytes)
    {
        uint h = 2166136261;
        int i = 0;
        for (; i + 4 <= bytes.Length; i += 4)
        {
            h = (h ^ MemoryMarshal.Read<uint>(bytes[i..])) * 16777619;
        }

        for (; i < bytes.Length; i++)
        {
            h = (h ^ bytes[i]) * 16777619;
        }

        return h ^ (h >> 15);
    }

    public void Dispose() => _arena.Dispose();
}
