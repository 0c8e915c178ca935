using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using AgentCore.Conversations;
using AgentCore.Diagnostics.Workloads;
using AgentCore.Parsing;
using AgentCore.Streaming;
using AgentCore.Symbols;
using AgentCore.Tokenization;
using AgentCore.Workspace;

namespace AgentCore.Diagnostics;

/// <summary>
/// The built-in benchmark (<c>agentcore bench</c>): cold start, token counting, stream decoding per provider format,
/// assistant-message parsing and conversation appends on built-in data and on a repository's files, plus peak RSS.
/// </summary>
/// <remarks>
/// Every figure is the best of several timed runs after one untimed warm-up (the best run is the one least disturbed
/// by other processes), except cold start, which is a median of fresh processes. Inputs are generated in process
/// (<see cref="TokenCorpus"/>, <see cref="ReplyCorpus"/>) or carried in the binary (<see cref="StreamRecordings"/>),
/// so two machines measure the same work. Not meant to run concurrently with other work in the process.
/// </remarks>
public static class BenchOperations
{
    private const long MaxRepositoryFileBytes = 1 << 20;
    private const int MaxRepositoryFiles = 5_000;

    /// <summary>Runs the benchmark; <paramref name="progress"/> receives one line per measurement as it starts.</summary>
    public static async Task<BenchReport> RunAsync(BenchRequest request, Action<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.StartNew();
        double load = LoadAverage();
        var rows = new List<BenchRow>();
        var skipped = new List<string>();
        bool quick = request.Quick;
        TimeSpan window = quick ? TimeSpan.FromMilliseconds(300) : TimeSpan.FromSeconds(2);

        if (request.ExecutablePath is string exe)
        {
            progress?.Invoke("cold start");
            rows.Add(await ColdStartAsync(exe, quick ? 10 : 30, cancellationToken).ConfigureAwait(false));
        }
        else
        {
            skipped.Add("cold start: no executable given");
        }

        cancellationToken.ThrowIfCancellationRequested();
        progress?.Invoke("token counting");
        byte[] corpus = Encoding.UTF8.GetBytes(TokenCorpus.Mixed(quick ? 2_000_000 : 10_000_000));
        foreach (Tokenizer tokenizer in new[] { Tokenizer.O200kBase, Tokenizer.Cl100kBase })
        {
            int tokens = 0;
            double best = BestSeconds(() => tokens = tokenizer.CountTokensUtf8(corpus), window, cancellationToken);
            rows.Add(new BenchRow($"tokens {tokenizer.Name} (mixed corpus)", Mbps(corpus.Length, best), "MB/s",
                string.Create(CultureInfo.InvariantCulture, $"{corpus.Length / 1e6:0.0} MB of code, prose, JSON, CJK, {tokens:N0} tokens; best run")));
        }

        if (request.RepositoryRoot is string root)
        {
            progress?.Invoke("token counting of the repository's files");
            List<byte[]> files = ReadTextFiles(root, cancellationToken);
            long bytes = files.Sum(f => (long)f.Length);
            if (bytes > 0)
            {
                long tokens = 0;
                double best = BestSeconds(() =>
                {
                    tokens = 0;
                    foreach (byte[] f in files)
                    {
                        tokens += Tokenizer.O200kBase.CountTokensUtf8(f);
                    }
                }, window, cancellationToken);
                rows.Add(new BenchRow("tokens o200k_base (repository files)", Mbps(bytes, best), "MB/s",
                    string.Create(CultureInfo.InvariantCulture, $"{files.Count} files, {bytes / 1e6:0.00} MB, {tokens:N0} tokens, one thread; best run")));
            }
            else
            {
                skipped.Add($"repository token count: no text files under {root}");
            }
        }

        progress?.Invoke("stream decoding");
        for (int f = 0; f < StreamFormats.Names.Count; f++)
        {
            var format = (StreamFormat)f;
            ReadOnlyMemory<byte> body = StreamRecordings.Body(format);
            int events = StreamRecordings.EventCount(format);
            var sink = new CountingSink();
            double best = BestSeconds(() =>
            {
                using StreamDecoder decoder = StreamDecoder.Create(format, sink);
                decoder.Push(body.Span);
                decoder.Complete();
            }, window, cancellationToken, repeat: 50);
            rows.Add(new BenchRow($"stream decode {StreamFormats.Name(format)}", best / 50 / events * 1e6, "µs/event",
                string.Create(CultureInfo.InvariantCulture, $"{events} events, {body.Length:N0} bytes per body, 50 bodies per run; best run")));
        }

        progress?.Invoke("assistant-message parsing");
        string reply = ReplyCorpus.MixedReply(quick ? 262_144 : 1_048_576);
        double parseBest = BestSeconds(() => ParseInChunks(reply, 20), window, cancellationToken);
        rows.Add(new BenchRow("parse assistant reply, 20-char chunks", Mbps(reply.Length, parseBest), "Mchar/s",
            string.Create(CultureInfo.InvariantCulture, $"{reply.Length:N0}-char agentic reply, {reply.Length / 20:N0} chunks; best run")));
        string writeReply = ReplyCorpus.WriteToFileReply();
        double writeBest = BestSeconds(() => ParseInChunks(writeReply, 20), window, cancellationToken, repeat: 10);
        rows.Add(new BenchRow("parse write_to_file reply, 20-char chunks", writeBest / 10 * 1e3, "ms",
            string.Create(CultureInfo.InvariantCulture, $"{writeReply.Length:N0} chars per reply, parsed after every chunk; best run")));

        progress?.Invoke("conversation appends and truncation");
        string[] messages = ConversationMessages(quick ? 1_000 : 5_000);
        double convBest = BestSeconds(() => AppendAndTruncate(messages), window, cancellationToken);
        rows.Add(new BenchRow("conversation append + estimate", convBest / messages.Length * 1e6, "µs/message",
            string.Create(CultureInfo.InvariantCulture, $"{messages.Length:N0} messages of 200-2,000 chars into a pooled arena, sliding-window truncation at the end; best run")));

        if (request.RepositoryRoot is string walkRoot)
        {
            progress?.Invoke("file walk and symbol index of the repository");
            int files = 0;
            double walkBest = BestSeconds(() =>
            {
                ListFilesResult listed = WorkspaceOperations.ListFilesAsync(
                    new ListFilesRequest { Path = walkRoot, Recursive = true, Limit = 100_000, WorkspaceRoot = walkRoot }, cancellationToken).GetAwaiter().GetResult();
                files = listed.Paths.Count;
            }, window, cancellationToken);
            rows.Add(new BenchRow("file walk (list_files, recursive, repository)", walkBest * 1e3, "ms",
                string.Create(CultureInfo.InvariantCulture, $"{files:N0} entries with the extension's ignore rules; best run")));

            // A cold build each time: a fresh snapshot path, so nothing is reused.
            string snapshotDir = Path.Combine(Path.GetTempPath(), $"agentcore-bench-{Environment.ProcessId}");
            try
            {
                IndexStatistics? stats = null;
                int run = 0;
                double indexBest = BestSeconds(() =>
                {
                    string snapshot = Path.Combine(snapshotDir, $"index-{run++}.snapshot");
                    stats = SymbolIndexOperations.IndexAsync(new IndexRequest(walkRoot, snapshot), cancellationToken).GetAwaiter().GetResult().Statistics;
                }, TimeSpan.Zero, cancellationToken, minRuns: quick ? 1 : 3, warmUp: false);
                rows.Add(new BenchRow("symbol index build (repository, cold)", indexBest * 1e3, "ms",
                    string.Create(CultureInfo.InvariantCulture, $"{stats?.Files:N0} files, {stats?.Symbols:N0} symbols, tree-sitter on all cores, fresh snapshot; {(quick ? "one run" : "best of 3")}")));
            }
            finally
            {
                try
                {
                    Directory.Delete(snapshotDir, recursive: true);
                }
                catch (IOException)
                {
                    // Temporary files only.
                }
            }
        }

        MemoryFigures memory = MemoryFigures.Capture();
        rows.Add(new BenchRow("peak RSS", memory.PeakRssBytes / 1e6, "MB", "VmHWM of the bench process, all measurements above included"));
        rows.Add(new BenchRow("GC heap at end", memory.GcHeapBytes / 1e6, "MB", "managed heap in use after the run (no forced collection)"));

        return new BenchReport
        {
            Date = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            Quick = quick,
            Machine = $"{RuntimeInformation.OSDescription}, {RuntimeInformation.OSArchitecture}, {Environment.ProcessorCount} logical cores, {RuntimeInformation.FrameworkDescription}",
            LoadAverage = load,
            ElapsedSeconds = Math.Round(started.Elapsed.TotalSeconds, 2),
            Rows = rows,
            Skipped = skipped,
        };
    }

    /// <summary>Median wall time of <paramref name="runs"/> fresh <c>EXE --version</c> processes, after one untimed run.</summary>
    private static async Task<BenchRow> ColdStartAsync(string exe, int runs, CancellationToken cancellationToken)
    {
        var times = new double[runs];
        for (int i = -1; i < runs; i++)
        {
            var psi = new ProcessStartInfo(exe, "--version") { RedirectStandardOutput = true, UseShellExecute = false };
            long start = Stopwatch.GetTimestamp();
            using Process p = Process.Start(psi) ?? throw new InvalidOperationException($"{exe} could not be started");
            await p.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            await p.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (i >= 0)
            {
                times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }

        Array.Sort(times);
        double median = runs % 2 == 1 ? times[runs / 2] : (times[(runs / 2) - 1] + times[runs / 2]) / 2;
        return new BenchRow("cold start (agentcore --version)", median, "ms",
            string.Create(CultureInfo.InvariantCulture, $"median of {runs} fresh processes (min {times[0]:0.00}, max {times[^1]:0.00}), spawn and wait included"));
    }

    /// <summary>Times <paramref name="work"/> (one untimed warm-up) until <paramref name="window"/> has passed and at least 3 runs are done; the best run, seconds.</summary>
    private static double BestSeconds(Action work, TimeSpan window, CancellationToken cancellationToken, int repeat = 1, int minRuns = 3, bool warmUp = true)
    {
        if (warmUp)
        {
            work();
        }

        double best = double.MaxValue;
        var total = Stopwatch.StartNew();
        for (int runs = 0; runs < minRuns || total.Elapsed < window; runs++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long start = Stopwatch.GetTimestamp();
            for (int r = 0; r < repeat; r++)
            {
                work();
            }

            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        return best;
    }

    private static double Mbps(long bytes, double seconds) => bytes / 1e6 / seconds;

    private static void ParseInChunks(string reply, int chunk)
    {
        var parser = new AssistantMessageParser();
        for (int i = 0; i < reply.Length; i += chunk)
        {
            parser.ProcessChunk(reply.AsSpan(i, Math.Min(chunk, reply.Length - i)));
        }

        parser.FinalizeContentBlocks();
    }

    internal static string[] ConversationMessages(int count)
    {
        string corpus = TokenCorpus.Mixed(Math.Max(count * 1_100, 100_000));
        var random = new Random(20261202);
        var messages = new string[count];
        for (int i = 0; i < count; i++)
        {
            int length = random.Next(200, 2_000);
            int start = random.Next(0, corpus.Length - length);
            if (char.IsLowSurrogate(corpus[start]))
            {
                start++;
            }

            if (char.IsHighSurrogate(corpus[start + length - 1]))
            {
                length--;
            }

            messages[i] = corpus.Substring(start, length);
        }

        return messages;
    }

    internal static int AppendAndTruncate(string[] messages)
    {
        using var conversation = new Conversation();
        int estimate = 0;
        for (int i = 0; i < messages.Length; i++)
        {
            conversation.Append(i % 2 == 0 ? MessageRole.User : MessageRole.Assistant, messages[i]);
            estimate = conversation.EstimateTokenCount();
        }

        SlidingWindow.TruncateConversation(conversation, 0.5);
        return estimate + conversation.Count;
    }

    private static List<byte[]> ReadTextFiles(string root, CancellationToken cancellationToken)
    {
        var files = new List<byte[]>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0 && files.Count < MaxRepositoryFiles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string dir = pending.Pop();
            IEnumerable<string> entries;
            try
            {
                entries = Directory.EnumerateFileSystemEntries(dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (string entry in entries.Order(StringComparer.Ordinal))
            {
                string name = Path.GetFileName(entry);
                if (name.StartsWith('.') || name is "bin" or "obj" or "dist" or "artifacts" or "node_modules" or "BenchmarkDotNet.Artifacts")
                {
                    continue;
                }

                var info = new FileInfo(entry);
                if ((info.Attributes & FileAttributes.Directory) != 0)
                {
                    if ((info.Attributes & FileAttributes.ReparsePoint) == 0)
                    {
                        pending.Push(entry);
                    }

                    continue;
                }

                if (info.Length is > 0 and <= MaxRepositoryFileBytes && files.Count < MaxRepositoryFiles)
                {
                    try
                    {
                        byte[] bytes = File.ReadAllBytes(entry);
                        if (bytes.AsSpan().IndexOf((byte)0) < 0)
                        {
                            files.Add(bytes); // text only: a NUL byte marks a binary file
                        }
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        // Unreadable: not part of the measurement.
                    }
                }
            }
        }

        return files;
    }

    private static double LoadAverage()
    {
        try
        {
            string text = File.ReadAllText("/proc/loadavg");
            int space = text.IndexOf(' ', StringComparison.Ordinal);
            return space > 0 && double.TryParse(text.AsSpan(0, space), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : -1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return -1;
        }
    }

    private sealed class CountingSink : IStreamChunkSink
    {
        public long Chunks { get; private set; }

        public void OnChunk(in StreamChunk chunk) => Chunks++;
    }
}
