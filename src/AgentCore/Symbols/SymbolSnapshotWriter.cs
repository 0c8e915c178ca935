using System.Buffers.Binary;

namespace AgentCore.Symbols;

/// <summary>
/// Writes the <see cref="SymbolSnapshot"/> layout to a stream, in one pass and without building it in memory: the
/// symbols of reused files are copied from the previous snapshot (their names are not re-interned: the previous atom
/// table is already in name order and is merged with the sorted names of the files parsed this time), the symbols of
/// parsed files come from a sealed <see cref="SymbolTableBuilder"/>. The payload is checksummed as it is written and
/// the header goes in last.
/// </summary>
/// <remarks>O(symbols) copying and O(new names x log(atoms)) comparisons: an edit of one file in a 773,000-symbol
/// index rewrites 25 MB sequentially instead of re-interning every name.</remarks>
internal static class SymbolSnapshotWriter
{
    /// <param name="output">A seekable stream at position 0 (the temp file of an atomic write).</param>
    /// <param name="root">The indexed directory.</param>
    /// <param name="files">The files in snapshot order (ordinal by path), with their symbol counts.</param>
    /// <param name="old">The previous snapshot, or null.</param>
    /// <param name="oldFileMap">Old file index to new file index for reused files, -1 for files not reused.</param>
    /// <param name="fresh">The symbols of the files parsed now, sealed.</param>
    public static void Write(Stream output, string root, ReadOnlySpan<IndexedFile> files, SymbolSnapshot? old, ReadOnlySpan<int> oldFileMap, SymbolTableBuilder fresh)
    {
        // Kinds: the previous table keeps its ids; kinds seen only now are appended.
        var kinds = new List<string>();
        var kindIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int k = 0; old is not null && k < old.KindCount; k++)
        {
            string kind = old.Kind(k);
            kindIds.TryAdd(kind, kinds.Count);
            kinds.Add(kind);
        }

        int[] freshKinds = new int[fresh.Kinds.Count];
        for (int k = 0; k < freshKinds.Length; k++)
        {
            if (!kindIds.TryGetValue(fresh.Kinds[k], out freshKinds[k]))
            {
                freshKinds[k] = kinds.Count;
                kindIds.Add(fresh.Kinds[k], kinds.Count);
                kinds.Add(fresh.Kinds[k]);
            }
        }

        List<(int Old, int Fresh, int Count)> atoms = MergeAtoms(old, oldFileMap, fresh);
        output.Write(new byte[SymbolSnapshot.HeaderSize]); // filled in at the end
        var o = new SnapshotOutput(output); // positions are payload offsets

        // File records; strings are laid out as root, then each file's path and reason, then names, then kinds.
        long strings = System.Text.Encoding.UTF8.GetByteCount(root);
        int symbolCount = 0;
        foreach (ref readonly IndexedFile f in files)
        {
            int pathLength = System.Text.Encoding.UTF8.GetByteCount(f.Path);
            int reasonLength = f.Reason is null ? 0 : System.Text.Encoding.UTF8.GetByteCount(f.Reason);
            o.WriteInt64(f.Length);
            o.WriteInt64(f.MtimeTicks);
            o.WriteInt32(StringOffset(strings));
            o.WriteInt32(pathLength);
            o.WriteInt32(StringOffset(strings + pathLength));
            o.WriteInt32(reasonLength);
            o.WriteInt32(f.SymbolCount);
            o.WriteInt32(f.Reason is null ? 0 : 1);
            strings += pathLength + reasonLength;
            symbolCount += f.SymbolCount;
        }

        int written = WriteSymbols(o, atoms, old, oldFileMap, fresh, freshKinds);
        if (written != symbolCount)
        {
            throw new InvalidOperationException($"the index holds {written} symbols but its files count {symbolCount}");
        }

        int first = 0;
        foreach ((int oldAtom, int freshRank, int count) in atoms)
        {
            int length = oldAtom >= 0 ? old!.AtomName(oldAtom).Length : fresh.Atoms[fresh.Order[freshRank]].Length;
            o.WriteInt32(StringOffset(strings));
            o.WriteInt32(length);
            o.WriteInt32(first);
            o.WriteInt32(count);
            strings += length;
            first += count;
        }

        foreach (string kind in kinds)
        {
            int length = System.Text.Encoding.UTF8.GetByteCount(kind);
            o.WriteInt32(StringOffset(strings));
            o.WriteInt32(length);
            strings += length;
        }

        long stringsAt = o.Position;
        o.WriteUtf8(root);
        foreach (ref readonly IndexedFile f in files)
        {
            o.WriteUtf8(f.Path);
            if (f.Reason is not null)
            {
                o.WriteUtf8(f.Reason);
            }
        }

        foreach ((int oldAtom, int freshRank, _) in atoms)
        {
            o.WriteBytes(oldAtom >= 0 ? old!.AtomName(oldAtom) : fresh.Atoms[fresh.Order[freshRank]]);
        }

        foreach (string kind in kinds)
        {
            o.WriteUtf8(kind);
        }

        (long payload, ulong checksum) = o.Complete();
        if (payload - stringsAt != strings)
        {
            throw new InvalidOperationException("the snapshot's string table does not add up");
        }

        Span<byte> h = stackalloc byte[SymbolSnapshot.HeaderSize];
        h.Clear();
        SymbolSnapshot.Magic.CopyTo(h);
        BinaryPrimitives.WriteUInt32LittleEndian(h[8..], SymbolSnapshot.Version);
        BinaryPrimitives.WriteUInt32LittleEndian(h[12..], SymbolSnapshot.HeaderSize);
        BinaryPrimitives.WriteUInt64LittleEndian(h[16..], (ulong)payload);
        BinaryPrimitives.WriteUInt64LittleEndian(h[24..], checksum);
        BinaryPrimitives.WriteInt32LittleEndian(h[32..], files.Length);
        BinaryPrimitives.WriteInt32LittleEndian(h[36..], atoms.Count);
        BinaryPrimitives.WriteInt32LittleEndian(h[40..], symbolCount);
        BinaryPrimitives.WriteInt32LittleEndian(h[44..], kinds.Count);
        BinaryPrimitives.WriteInt32LittleEndian(h[48..], 0);
        BinaryPrimitives.WriteInt32LittleEndian(h[52..], System.Text.Encoding.UTF8.GetByteCount(root));
        BinaryPrimitives.WriteInt32LittleEndian(h[56..], StringOffset(strings));
        output.Position = 0;
        output.Write(h);
    }

    private static int StringOffset(long offset) =>
        offset <= int.MaxValue ? (int)offset : throw new InvalidOperationException("the index's names and paths exceed 2 GB");

    /// <summary>The atom table in name order: previous atoms that keep a symbol, merged with the names parsed now;
    /// each entry is (previous atom or -1, fresh rank or -1, symbol count).</summary>
    private static List<(int Old, int Fresh, int Count)> MergeAtoms(SymbolSnapshot? old, ReadOnlySpan<int> oldFileMap, SymbolTableBuilder fresh)
    {
        int oldAtoms = old?.AtomCount ?? 0;
        int freshAtoms = fresh.Order.Length;
        var atoms = new List<(int, int, int)>(oldAtoms + freshAtoms);
        int i = 0, j = 0;
        while (i < oldAtoms || j < freshAtoms)
        {
            int c = i == oldAtoms ? 1 : j == freshAtoms ? -1 : old!.AtomName(i).SequenceCompareTo(fresh.Atoms[fresh.Order[j]]);
            int oldAtom = c <= 0 ? i++ : -1;
            int freshRank = c >= 0 ? j++ : -1;
            int count = (oldAtom >= 0 ? Survivors(old!, oldAtom, oldFileMap) : 0) + (freshRank >= 0 ? fresh.RunOf(freshRank).Length : 0);
            if (count > 0)
            {
                atoms.Add((oldAtom, freshRank, count));
            }
        }

        return atoms;
    }

    private static int Survivors(SymbolSnapshot old, int atom, ReadOnlySpan<int> oldFileMap)
    {
        (int first, int count) = old.AtomSymbols(atom);
        ReadOnlySpan<byte> records = old.SymbolRecords;
        int n = 0;
        for (int s = first; s < first + count; s++)
        {
            n += oldFileMap[BinaryPrimitives.ReadInt32LittleEndian(records[(s * SymbolSnapshot.SymbolRecordSize + 4)..])] >= 0 ? 1 : 0;
        }

        return n;
    }

    /// <summary>Per atom, the reused symbols (file index remapped; still in file order, since files keep their
    /// relative order) merged with the fresh ones by (file, start, end).</summary>
    private static int WriteSymbols(SnapshotOutput o, List<(int Old, int Fresh, int Count)> atoms, SymbolSnapshot? old, ReadOnlySpan<int> oldFileMap, SymbolTableBuilder fresh, int[] freshKinds)
    {
        ReadOnlySpan<byte> records = old is null ? default : old.SymbolRecords;
        int written = 0;
        for (int a = 0; a < atoms.Count; a++)
        {
            (int oldAtom, int freshRank, _) = atoms[a];
            (int s, int sEnd) = (0, 0);
            if (oldAtom >= 0)
            {
                (s, int count) = old!.AtomSymbols(oldAtom);
                sEnd = s + count;
            }

            ReadOnlySpan<SymbolRecord> run = freshRank >= 0 ? fresh.RunOf(freshRank) : default;
            int r = 0;
            while (true)
            {
                // The next reused symbol of this atom, skipping those of files not reused.
                int file = -1;
                ReadOnlySpan<byte> rec = default;
                while (s < sEnd)
                {
                    rec = records.Slice(s * SymbolSnapshot.SymbolRecordSize, SymbolSnapshot.SymbolRecordSize);
                    file = oldFileMap[BinaryPrimitives.ReadInt32LittleEndian(rec[4..])];
                    if (file >= 0)
                    {
                        break;
                    }

                    s++;
                }

                bool haveOld = s < sEnd;
                bool haveFresh = r < run.Length;
                if (!haveOld && !haveFresh)
                {
                    break;
                }

                int start = haveOld ? BinaryPrimitives.ReadInt32LittleEndian(rec[8..]) : 0;
                int end = haveOld ? BinaryPrimitives.ReadInt32LittleEndian(rec[12..]) : 0;
                bool takeOld = haveOld && (!haveFresh || (file, start, end).CompareTo((run[r].File, run[r].StartRow, run[r].EndRow)) < 0);
                if (takeOld)
                {
                    o.WriteRecord(a, file, start, end, BinaryPrimitives.ReadInt32LittleEndian(rec[16..]));
                    s++;
                }
                else
                {
                    o.WriteRecord(a, run[r].File, run[r].StartRow, run[r].EndRow, freshKinds[run[r].Kind]);
                    r++;
                }

                written++;
            }
        }

        return written;
    }
}
