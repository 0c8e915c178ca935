using System.Globalization;
using System.Text;
using AgentCore.Symbols;
using AgentCore.Workspace;

namespace AgentCore.Diagnostics.Workloads;

/// <summary>
/// The workspaces the soak walks and re-indexes: <see cref="SlotCount"/> copies of one small generated source tree
/// (Python, TypeScript, C#, Markdown in nested folders) under a fresh temporary directory, each with its symbol-index
/// snapshot outside the tree (so neither the snapshot nor its atomic-write temporary shows up in a walk).
/// </summary>
/// <remarks>
/// <see cref="WalkAsync"/> may run on one slot from any number of workers at once (it only reads). <see cref="UpdateIndexAsync"/>
/// rewrites the slot's <c>changing.py</c> with a new pair of function names and brings the slot's index up to date;
/// updates of one slot take turns (one lock per slot, awaited, not blocking a thread). Nothing grows with the number of
/// operations: the files are rewritten in place and the snapshot replaced, so a 24 h run uses the same disk as a 2 min one.
/// </remarks>
internal sealed class SoakWorkspace : IDisposable
{
    /// <summary>Workspaces: index updates of different slots run in parallel.</summary>
    public const int SlotCount = 16;

    private const string ChangingFile = "changing.py";
    private readonly string _root;
    private readonly Slot[] _slots = new Slot[SlotCount];

    // A walk starts a walker thread per core (ParallelWalker): at most this many walks at once keeps the thread count
    // of the soak flat instead of following the number of workers that happen to be walking.
    private readonly SemaphoreSlim _walkGate = new(Environment.ProcessorCount * 2);

    private SoakWorkspace(string root, int expectedEntries, string expectedOutput, int expectedFiles, int expectedSymbols)
    {
        _root = root;
        ExpectedEntries = expectedEntries;
        ExpectedOutput = expectedOutput;
        ExpectedFiles = expectedFiles;
        ExpectedSymbols = expectedSymbols;
    }

    /// <summary>The temporary directory holding the trees and their snapshots (deleted by <see cref="Dispose"/>).</summary>
    public string Root => _root;

    /// <summary>Entries <c>list_files</c> returns for a slot (files and folders).</summary>
    public int ExpectedEntries { get; }

    /// <summary>The <c>list_files</c> output text of slot 0 with its folder name (every slot's, modulo that name).</summary>
    public string ExpectedOutput { get; }

    /// <summary>Files in a slot's symbol index.</summary>
    public int ExpectedFiles { get; }

    /// <summary>Symbols in a slot's symbol index (the same after every update: the changed file keeps two functions).</summary>
    public int ExpectedSymbols { get; }

    /// <summary>Writes the trees under a new temporary directory, builds every slot's index and computes the expected results.</summary>
    public static SoakWorkspace Create(CancellationToken ct)
    {
        string root = Directory.CreateTempSubdirectory("agentcore-soak-").FullName;
        try
        {
            var slots = new Slot[SlotCount];
            for (int s = 0; s < SlotCount; s++)
            {
                string tree = Path.Combine(root, "trees", $"slot{s:00}");
                WriteTree(tree);
                slots[s] = new Slot(tree, Path.Combine(root, "snapshots", $"slot{s:00}.idx"));
                WriteChanging(slots[s], 0);
            }

            ListFilesResult listed = WorkspaceOperations.ListFilesAsync(Walk(slots[0].Tree), ct).GetAwaiter().GetResult();
            int files = 0, symbols = 0;
            foreach (Slot slot in slots)
            {
                using SymbolIndex index = SymbolIndexOperations.Open(slot.Tree, slot.Snapshot, ct);
                (files, symbols) = (index.Statistics.Files, index.Statistics.Symbols);
            }

            var workspace = new SoakWorkspace(root, listed.Paths.Count, listed.Output, files, symbols);
            slots.CopyTo(workspace._slots, 0);
            return workspace;
        }
        catch
        {
            TryDelete(root);
            throw;
        }
    }

    /// <summary>Lists slot <paramref name="slot"/> recursively as <c>list_files</c> does; null when the result is the expected one, else why not.</summary>
    public async Task<string?> WalkAsync(int slot, CancellationToken ct)
    {
        Slot s = _slots[slot % SlotCount];
        await _walkGate.WaitAsync(ct).ConfigureAwait(false);
        ListFilesResult listed;
        try
        {
            listed = await WorkspaceOperations.ListFilesAsync(Walk(s.Tree), ct).ConfigureAwait(false);
        }
        finally
        {
            _walkGate.Release();
        }

        return listed.Paths.Count != ExpectedEntries ? $"soak.walk: slot {slot % SlotCount} listed {listed.Paths.Count} entries, expected {ExpectedEntries}"
            : listed.Output.Length != ExpectedOutput.Length ? $"soak.walk: slot {slot % SlotCount} output of {listed.Output.Length} chars, expected {ExpectedOutput.Length}"
            : null;
    }

    /// <summary>
    /// Rewrites slot <paramref name="slot"/>'s <c>changing.py</c> and updates its index; null when exactly that file was
    /// re-parsed, the counts are the expected ones and the new function is found by name, else why not.
    /// </summary>
    public async Task<string?> UpdateIndexAsync(int slot, CancellationToken ct)
    {
        Slot s = _slots[slot % SlotCount];
        await s.Lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            int version = ++s.Version;
            WriteChanging(s, version);
            using SymbolIndex index = SymbolIndexOperations.Open(s.Tree, s.Snapshot, ct);
            IndexStatistics st = index.Statistics;
            string name = FunctionName(version);
            List<SymbolMatch> found = index.Find(name, 5);
            return st.Parsed != 1 || st.Files != ExpectedFiles || st.Symbols != ExpectedSymbols
                ? $"soak.index: slot {slot % SlotCount} update {version}: {st.Parsed} parsed, {st.Files} files, {st.Symbols} symbols; expected 1, {ExpectedFiles}, {ExpectedSymbols}"
                : !found.Any(m => m.Name == name) ? $"soak.index: slot {slot % SlotCount} update {version}: {name} not found after the update"
                : null;
        }
        finally
        {
            s.Lock.Release();
        }
    }

    /// <summary>Deletes the temporary directory.</summary>
    public void Dispose()
    {
        _walkGate.Dispose();
        foreach (Slot? s in _slots)
        {
            s?.Lock.Dispose();
        }

        TryDelete(_root);
    }

    private static ListFilesRequest Walk(string tree) => new() { Path = tree, WorkspaceRoot = tree, Recursive = true, Limit = 10_000 };

    private static string FunctionName(int version) => string.Create(CultureInfo.InvariantCulture, $"soak_update_{version}");

    // The length alternates between consecutive versions, so the index sees the change even when two writes fall in
    // one tick of the file system's modification time (it compares length and time).
    private static void WriteChanging(Slot slot, int version)
    {
        string name = FunctionName(version);
        string padding = version % 2 == 0 ? "" : "  # odd\n";
        File.WriteAllText(Path.Combine(slot.Tree, ChangingFile),
            $"\"\"\"Rewritten by each soak index update.\"\"\"\n\n\ndef {name}(items):\n{padding}    return [i * 2 for i in items]\n\n\nclass {name}_holder:\n    value = {version}\n");
    }

    private static void WriteTree(string tree)
    {
        for (int i = 0; i < 6; i++)
        {
            Write(Path.Combine(tree, "src", "app", $"module{i}.py"),
                $"import os\n\n\nclass Service{i}:\n    def __init__(self, name):\n        self.name = name\n\n    def run(self, count):\n        return [self.name] * count\n\n\ndef helper_{i}(path):\n    return os.path.basename(path)\n");
            Write(Path.Combine(tree, "web", "lib", $"util{i}.ts"),
                $"export interface Options{i} {{\n  limit: number\n}}\n\nexport function format{i}(value: string, options: Options{i}): string {{\n  return value.slice(0, options.limit)\n}}\n\nexport class Cache{i} {{\n  private readonly map = new Map<string, string>()\n  get(key: string): string | undefined {{\n    return this.map.get(key)\n  }}\n}}\n");
            Write(Path.Combine(tree, "core", $"Store{i}.cs"),
                $"namespace Soak.Core;\n\npublic sealed class Store{i}\n{{\n    private readonly Dictionary<string, int> _items = new();\n\n    public int Count => _items.Count;\n\n    public void Add(string key, int value) => _items[key] = value;\n}}\n");
        }

        Write(Path.Combine(tree, "README.md"), "# Soak workspace\n\nGenerated by `agentcore soak`: walked and re-indexed while the soak runs.\n\n## Layout\n\nsrc, web, core.\n");
        Write(Path.Combine(tree, "docs", "notes.txt"), "Plain text: walked, not indexed.\n");
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temporary directory: what is left is the system's to clean.
        }
    }

    private sealed class Slot(string tree, string snapshot)
    {
        public string Tree { get; } = tree;

        public string Snapshot { get; } = snapshot;

        public SemaphoreSlim Lock { get; } = new(1, 1);

        public int Version { get; set; }
    }
}
