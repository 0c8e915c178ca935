using System.Buffers.Binary;
using System.Text;

namespace AgentCore.Symbols;

/// <summary>Serializes an index to the <see cref="SymbolSnapshot"/> layout.</summary>
internal static class SymbolSnapshotWriter
{
    public static byte[] Write(string root, IReadOnlyList<IndexedFile> files, SymbolAtoms atoms)
    {
        var strings = new MemoryStream();
        int AddString(string s)
        {
            int at = (int)strings.Position;
            strings.Write(Encoding.UTF8.GetBytes(s));
            return at;
        }

        // Atoms in ordinal byte order; only atoms that still have symbols.
        var used = new bool[atoms.Count];
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        int symbolCount = 0;
        foreach (IndexedFile f in files)
        {
            foreach ((int atom, string kind, _, _) in f.Symbols)
            {
                used[atom] = true;
                if (!kinds.ContainsKey(kind))
                {
                    kinds.Add(kind, kinds.Count);
                }

                symbolCount++;
            }
        }

        int[] order = Enumerable.Range(0, atoms.Count).Where(a => used[a]).ToArray();
        Array.Sort(order, (a, b) => atoms[a].SequenceCompareTo(atoms[b]));
        int[] rank = new int[atoms.Count];
        for (int i = 0; i < order.Length; i++)
        {
            rank[order[i]] = i;
        }

        var symbols = new (int Atom, int File, int Start, int End, int Kind)[symbolCount];
        int n = 0;
        for (int fi = 0; fi < files.Count; fi++)
        {
            foreach ((int atom, string kind, int start, int end) in files[fi].Symbols)
            {
                symbols[n++] = (rank[atom], fi, start, end, kinds[kind]);
            }
        }

        Array.Sort(symbols);

        int rootOffset = AddString(root);
        int rootLength = (int)strings.Position - rootOffset;
        var fileRecords = new byte[files.Count * SymbolSnapshot.FileRecordSize];
        for (int i = 0; i < files.Count; i++)
        {
            IndexedFile f = files[i];
            Span<byte> r = fileRecords.AsSpan(i * SymbolSnapshot.FileRecordSize);
            BinaryPrimitives.WriteInt64LittleEndian(r, f.Length);
            BinaryPrimitives.WriteInt64LittleEndian(r[8..], f.MtimeTicks);
            int p = AddString(f.RelativePath);
            BinaryPrimitives.WriteInt32LittleEndian(r[16..], p);
            BinaryPrimitives.WriteInt32LittleEndian(r[20..], (int)strings.Position - p);
            int q = AddString(f.SkipReason ?? "");
            BinaryPrimitives.WriteInt32LittleEndian(r[24..], q);
            BinaryPrimitives.WriteInt32LittleEndian(r[28..], (int)strings.Position - q);
            BinaryPrimitives.WriteInt32LittleEndian(r[32..], f.Symbols.Count);
            BinaryPrimitives.WriteInt32LittleEndian(r[36..], f.SkipReason is null ? 0 : 1);
        }

        var atomRecords = new byte[order.Length * SymbolSnapshot.AtomRecordSize];
        int s = 0;
        for (int i = 0; i < order.Length; i++)
        {
            int first = s;
            while (s < symbols.Length && symbols[s].Atom == i)
            {
                s++;
            }

            int at = (int)strings.Position;
            strings.Write(atoms[order[i]]);
            Span<byte> r = atomRecords.AsSpan(i * SymbolSnapshot.AtomRecordSize);
            BinaryPrimitives.WriteInt32LittleEndian(r, at);
            BinaryPrimitives.WriteInt32LittleEndian(r[4..], atoms[order[i]].Length);
            BinaryPrimitives.WriteInt32LittleEndian(r[8..], first);
            BinaryPrimitives.WriteInt32LittleEndian(r[12..], s - first);
        }

        var kindRecords = new byte[kinds.Count * SymbolSnapshot.KindRecordSize];
        foreach ((string kind, int id) in kinds)
        {
            int at = AddString(kind);
            BinaryPrimitives.WriteInt32LittleEndian(kindRecords.AsSpan(id * SymbolSnapshot.KindRecordSize), at);
            BinaryPrimitives.WriteInt32LittleEndian(kindRecords.AsSpan(id * SymbolSnapshot.KindRecordSize + 4), (int)strings.Position - at);
        }

        var symbolRecords = new byte[symbols.Length * SymbolSnapshot.SymbolRecordSize];
        for (int i = 0; i < symbols.Length; i++)
        {
            Span<byte> r = symbolRecords.AsSpan(i * SymbolSnapshot.SymbolRecordSize);
            BinaryPrimitives.WriteInt32LittleEndian(r, symbols[i].Atom);
            BinaryPrimitives.WriteInt32LittleEndian(r[4..], symbols[i].File);
            BinaryPrimitives.WriteInt32LittleEndian(r[8..], symbols[i].Start);
            BinaryPrimitives.WriteInt32LittleEndian(r[12..], symbols[i].End);
            BinaryPrimitives.WriteInt32LittleEndian(r[16..], symbols[i].Kind);
        }

        int payload = fileRecords.Length + symbolRecords.Length + atomRecords.Length + kindRecords.Length + (int)strings.Length;
        byte[] result = new byte[SymbolSnapshot.HeaderSize + payload];
        Span<byte> h = result;
        "ACSYMIX1"u8.CopyTo(h);
        BinaryPrimitives.WriteUInt32LittleEndian(h[8..], SymbolSnapshot.Version);
        BinaryPrimitives.WriteUInt32LittleEndian(h[12..], SymbolSnapshot.HeaderSize);
        BinaryPrimitives.WriteUInt64LittleEndian(h[16..], (ulong)payload);
        BinaryPrimitives.WriteInt32LittleEndian(h[32..], files.Count);
        BinaryPrimitives.WriteInt32LittleEndian(h[36..], order.Length);
        BinaryPrimitives.WriteInt32LittleEndian(h[40..], symbols.Length);
        BinaryPrimitives.WriteInt32LittleEndian(h[44..], kinds.Count);
        BinaryPrimitives.WriteInt32LittleEndian(h[48..], rootOffset);
        BinaryPrimitives.WriteInt32LittleEndian(h[52..], rootLength);
        BinaryPrimitives.WriteInt32LittleEndian(h[56..], (int)strings.Length);
        int o = SymbolSnapshot.HeaderSize;
        foreach (byte[] part in (byte[][])[fileRecords, symbolRecords, atomRecords, kindRecords, strings.ToArray()])
        {
            part.CopyTo(result, o);
            o += part.Length;
        }

        BinaryPrimitives.WriteUInt64LittleEndian(h[24..], SymbolSnapshot.Checksum(result.AsSpan(SymbolSnapshot.HeaderSize)));
        return result;
    }
}
