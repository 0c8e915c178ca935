namespace AgentCore.Symbols;

/// <summary>
/// Collects the symbols of freshly parsed files while they are parsed: each file's names are interned into one atom
/// table and its locations appended as 20-byte records the moment the file is done (its tree is already deleted and
/// its text is released right after), so what an index holds in memory while building is the atoms and the records,
/// not per-file lists. <see cref="Seal"/> sorts the records by (name, file, rows) for the snapshot writer.
/// </summary>
/// <remarks><see cref="Add"/> is thread-safe (one lock, taken once per file); everything else is for one thread
/// after the parallel phase.</remarks>
internal sealed class SymbolTableBuilder : IDisposable
{
    private readonly Lock _lock = new();
    private readonly SymbolAtoms _atoms = new();
    private readonly SymbolRecordBuffer _records = new();
    private readonly Dictionary<string, int> _kindIds = new(StringComparer.Ordinal);
    private readonly List<string> _kinds = [];
    private readonly HashSet<(int Atom, int Start, int End)> _seen = [];
    private int[] _order = [];
    private int[] _runStarts = [];

    /// <summary>The distinct names.</summary>
    public SymbolAtoms Atoms => _atoms;

    /// <summary>Kind names by kind id.</summary>
    public IReadOnlyList<string> Kinds => _kinds;

    /// <summary>After <see cref="Seal"/>: atom ids in ordinal name order (the records' Atom is the position in it).</summary>
    public ReadOnlySpan<int> Order => _order;

    /// <summary>After <see cref="Seal"/>: the records, sorted by (name rank, file, start row, end row).</summary>
    public ReadOnlySpan<SymbolRecord> Records => _records.Span;

    /// <summary>After <see cref="Seal"/>: the records of the name of rank <paramref name="rank"/>.</summary>
    public ReadOnlySpan<SymbolRecord> RunOf(int rank) => _records.Span[_runStarts[rank].._runStarts[rank + 1]];

    /// <summary>Adds the symbols of file <paramref name="file"/> (names are slices of <paramref name="source"/>),
    /// keeping the first of any repeated (name, start row, end row); returns how many were kept.</summary>
    public int Add(int file, ReadOnlySpan<byte> source, List<FileSymbol> symbols)
    {
        lock (_lock)
        {
            _seen.Clear();
            string? lastKind = null;
            int lastKindId = 0;
            int kept = 0;
            foreach (FileSymbol s in symbols)
            {
                int atom = _atoms.Intern(source.Slice(s.NameStart, s.NameLength));
                if (!_seen.Add((atom, s.StartRow, s.EndRow)))
                {
                    continue;
                }

                if (!ReferenceEquals(s.Kind, lastKind))
                {
                    if (!_kindIds.TryGetValue(s.Kind, out lastKindId))
                    {
                        lastKindId = _kinds.Count;
                        _kindIds.Add(s.Kind, lastKindId);
                        _kinds.Add(s.Kind);
                    }

                    lastKind = s.Kind;
                }

                _records.Add(new SymbolRecord { Atom = atom, File = file, StartRow = s.StartRow, EndRow = s.EndRow, Kind = lastKindId });
                kept++;
            }

            return kept;
        }
    }

    /// <summary>Ranks the names in ordinal byte order and sorts the records by (rank, file, start, end), in place.</summary>
    public void Seal()
    {
        _order = new int[_atoms.Count];
        for (int i = 0; i < _order.Length; i++)
        {
            _order[i] = i;
        }

        _order.AsSpan().Sort(new AtomOrder(_atoms));
        int[] rank = new int[_order.Length];
        for (int i = 0; i < _order.Length; i++)
        {
            rank[_order[i]] = i;
        }

        Span<SymbolRecord> records = _records.Span;
        _runStarts = new int[_order.Length + 1];
        foreach (ref SymbolRecord r in records)
        {
            r.Atom = rank[r.Atom];
            _runStarts[r.Atom + 1]++;
        }

        for (int i = 1; i < _runStarts.Length; i++)
        {
            _runStarts[i] += _runStarts[i - 1];
        }

        records.Sort(default(RecordOrder));
    }

    public void Dispose()
    {
        _records.Dispose();
        _atoms.Dispose();
    }

    private readonly struct AtomOrder(SymbolAtoms atoms) : IComparer<int>
    {
        public int Compare(int x, int y) => atoms[x].SequenceCompareTo(atoms[y]);
    }

    private readonly struct RecordOrder : IComparer<SymbolRecord>
    {
        public int Compare(SymbolRecord x, SymbolRecord y) =>
            x.Atom != y.Atom ? x.Atom.CompareTo(y.Atom)
            : x.File != y.File ? x.File.CompareTo(y.File)
            : x.StartRow != y.StartRow ? x.StartRow.CompareTo(y.StartRow)
            : x.EndRow.CompareTo(y.EndRow);
    }
}
