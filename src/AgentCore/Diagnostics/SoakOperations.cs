using System.Diagnostics;
using System.Globalization;
using System.Text;
using AgentCore.Diagnostics.Workloads;
using AgentCore.Operations;
using AgentCore.Parsing;
using AgentCore.Streaming;
using AgentCore.Streaming.Http;
using AgentCore.Streaming.Providers;
using AgentCore.Tokenization;

namespace AgentCore.Diagnostics;

/// <summary>
/// The soak test (<c>agentcore soak</c>): a mixed workload at a fixed concurrency for a given time, with the process's
/// memory, handles and threads sampled throughout. It fails when an operation fails or is lost, or when RSS after the
/// warm-up grows beyond <c>1.25 x the warm-up peak + 16 MiB</c>.
/// </summary>
/// <remarks>
/// Each of <see cref="SoakRequest.Concurrency"/> workers loops over six kinds of operation, each checked against the
/// result computed once before the run: a provider stream (the recorded body of each format in turn, served by a
/// <see cref="LoopbackProviderServer"/> and read by the real <see cref="ProviderClient"/>: the same chunk count, no
/// error), a token count (the same count), an incremental parse of a reply in 20-character chunks (the same blocks),
/// conversation appends with a sliding-window truncation (the same estimate), a recursive <c>list_files</c> walk of a
/// generated workspace (the same entries and output), and an incremental symbol-index update after rewriting one of its
/// files (exactly that file re-parsed, the new name found; <see cref="SoakWorkspace"/>). State per operation is dropped when
/// it ends, so nothing accumulates over a 24 h run; samples are written to the CSV as they are taken and kept in memory
/// at one per interval (17,280 for 24 h at 5 s).
/// </remarks>
public static class SoakOperations
{
    private const double RssGrowthFactor = 1.25;
    private const long RssGrowthSlackBytes = 16L << 20;

    /// <summary>Runs the soak; <paramref name="progress"/> receives each sample as it is taken.</summary>
    public static async Task<SoakResult> RunAsync(SoakRequest request, Action<SoakSample>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Concurrency, 1);
        TimeSpan warmup = request.Warmup ?? TimeSpan.FromTicks(Math.Min(request.Duration.Ticks / 4, TimeSpan.FromMinutes(5).Ticks));

        StreamWriter? csv = null;
        if (request.CsvPath is not null)
        {
            try
            {
                // Created and written once before the run, so an unwritable path fails at once, not after hours.
                csv = new StreamWriter(request.CsvPath, append: false, new UTF8Encoding(false));
                await csv.WriteLineAsync("elapsed_s,operations,failures,rss_bytes,gc_heap_bytes,handles,threads").ConfigureAwait(false);
                await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (FileErrors.IsFileError(e))
            {
                throw new OperationException(FileErrors.From(e, request.CsvPath));
            }
        }

        await using var server = new LoopbackProviderServer();
        using var client = new ProviderClient(new ProviderClientOptions { MaxRetries = 0, IdleTimeout = TimeSpan.FromSeconds(60) });
        Expected expected = Expected.Compute();
        using SoakWorkspace workspace = SoakWorkspace.Create(cancellationToken);
        var state = new RunState(expected, server.BaseUrl, client, workspace);

        var samples = new List<SoakSample>();
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(request.Duration);
        try
        {
            var workers = new Task[request.Concurrency];
            for (int i = 0; i < workers.Length; i++)
            {
                workers[i] = state.WorkerAsync(i, stop.Token);
            }

            Task all = Task.WhenAll(workers);
            var tick = new PeriodicTimer(request.SampleInterval);
            using (tick)
            {
                await SampleAsync().ConfigureAwait(false);
                while (!all.IsCompleted)
                {
                    Task next = tick.WaitForNextTickAsync(CancellationToken.None).AsTask();
                    if (await Task.WhenAny(all, next).ConfigureAwait(false) == next)
                    {
                        await SampleAsync().ConfigureAwait(false);
                    }
                }
            }

            await all.ConfigureAwait(false);
            await SampleAsync().ConfigureAwait(false);
        }
        finally
        {
            if (csv is not null)
            {
                await csv.DisposeAsync().ConfigureAwait(false);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();

        (double warmupEnd, long warmupPeak, long bound, long afterPeak, double? exceededAt) = JudgeMemory(samples, warmup);
        if (request.SvgPath is not null)
        {
            try
            {
                await File.WriteAllTextAsync(request.SvgPath, SoakPlot.Svg(samples, warmupEnd, bound), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (FileErrors.IsFileError(e))
            {
                throw new OperationException(FileErrors.From(e, request.SvgPath));
            }
        }

        long started = Interlocked.Read(ref state.Started);
        long completed = Interlocked.Read(ref state.Completed);
        long failed = Interlocked.Read(ref state.Failed);
        long lost = started - completed - failed;
        return new SoakResult
        {
            Passed = IsPass(started, completed, failed, exceededAt),
            ElapsedSeconds = Math.Round(clock.Elapsed.TotalSeconds, 2),
            Started = started,
            Completed = completed,
            Failed = failed,
            Lost = lost,
            CompletedByKind = state.CompletedByKind(),
            WarmupPeakRssBytes = warmupPeak,
            RssBoundBytes = bound,
            PeakRssAfterWarmupBytes = afterPeak,
            BoundExceededAtSeconds = exceededAt,
            FirstFailure = state.FirstFailure,
            Samples = samples,
        };

        async Task SampleAsync()
        {
            MemoryFigures m = MemoryFigures.Capture();
            var s = new SoakSample(Math.Round(clock.Elapsed.TotalSeconds, 2), Interlocked.Read(ref state.Completed), Interlocked.Read(ref state.Failed),
                m.RssBytes, m.GcHeapBytes, m.Handles, m.Threads);
            samples.Add(s);
            progress?.Invoke(s);
            if (csv is not null)
            {
                await csv.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{s.ElapsedSeconds:0.00},{s.Operations},{s.Failures},{s.RssBytes},{s.GcHeapBytes},{s.Handles},{s.Threads}")).ConfigureAwait(false);
                await csv.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The memory verdict: the warm-up spans <paramref name="warmup"/> and at least the first two samples (the first is
    /// taken as the workers start, before any load); its highest RSS sets the bound <c>1.25 x peak + 16 MiB</c>, and the
    /// first later sample above the bound is when it was exceeded (null: never).
    /// </summary>
    internal static (double WarmupEnd, long WarmupPeak, long Bound, long AfterPeak, double? ExceededAt) JudgeMemory(IReadOnlyList<SoakSample> samples, TimeSpan warmup)
    {
        double warmupEnd = Math.Max(warmup.TotalSeconds, samples.Count > 1 ? samples[1].ElapsedSeconds : 0);
        long warmupPeak = 0, afterPeak = 0;
        double? exceededAt = null;
        foreach (SoakSample s in samples)
        {
            if (s.ElapsedSeconds <= warmupEnd)
            {
                warmupPeak = Math.Max(warmupPeak, s.RssBytes);
            }
        }

        long bound = (long)(warmupPeak * RssGrowthFactor) + RssGrowthSlackBytes;
        foreach (SoakSample s in samples)
        {
            if (s.ElapsedSeconds > warmupEnd)
            {
                afterPeak = Math.Max(afterPeak, s.RssBytes);
                if (s.RssBytes > bound && exceededAt is null)
                {
                    exceededAt = s.ElapsedSeconds;
                }
            }
        }

        return (warmupEnd, warmupPeak, bound, afterPeak, exceededAt);
    }

    /// <summary>A run passes when something completed, nothing failed, nothing was lost (started = completed + failed) and memory stayed in bounds.</summary>
    internal static bool IsPass(long started, long completed, long failed, double? boundExceededAt) =>
        completed > 0 && failed == 0 && started == completed + failed && boundExceededAt is null;

    /// <summary>The results each operation must reproduce, computed once before the run.</summary>
    private sealed record Expected(int[] StreamChunks, string[] Messages, int[] MessageTokens, string Reply, int ReplyBlocks, int ConversationEstimate)
    {
        public const int MessagesPerConversation = 40;

        public static Expected Compute()
        {
            var chunks = new int[StreamFormats.Names.Count];
            for (int f = 0; f < chunks.Length; f++)
            {
                var sink = new CountingSink();
                using StreamDecoder decoder = StreamDecoder.Create((StreamFormat)f, sink);
                decoder.Push(StreamRecordings.Body((StreamFormat)f).Span);
                decoder.Complete();
                chunks[f] = sink.Chunks;
            }

            string[] messages = BenchOperations.ConversationMessages(200);
            int[] tokens = [.. messages.Select(m => Tokenizer.O200kBase.CountTokens(m))];
            string reply = ReplyCorpus.WriteToFileReply();
            return new Expected(chunks, messages, tokens, reply, Parse(reply), Converse(messages, 0));
        }

        public static int Parse(string reply)
        {
            var parser = new AssistantMessageParser();
            AssistantMessageBlocks blocks = default;
            for (int i = 0; i < reply.Length; i += 20)
            {
                blocks = parser.ProcessChunk(reply.AsSpan(i, Math.Min(20, reply.Length - i)));
            }

            parser.FinalizeContentBlocks();
            return blocks.Count;
        }

        public static int Converse(string[] messages, int offset)
        {
            string[] slice = new string[MessagesPerConversation];
            for (int i = 0; i < slice.Length; i++)
            {
                slice[i] = messages[(offset + i) % messages.Length];
            }

            return BenchOperations.AppendAndTruncate(slice);
        }
    }

    private sealed class RunState(Expected expected, string baseUrl, ProviderClient client, SoakWorkspace workspace)
    {
        private static readonly string[] s_kinds = ["soak.stream", "soak.tokens", "soak.parse", "soak.conversation", "soak.walk", "soak.index"];
        private readonly long[] _completedByKind = new long[s_kinds.Length];
        private string? _firstFailure;

        public long Started;
        public long Completed;
        public long Failed;

        public string? FirstFailure => Volatile.Read(ref _firstFailure);

        public Dictionary<string, long> CompletedByKind()
        {
            var d = new Dictionary<string, long>(StringComparer.Ordinal);
            for (int i = 0; i < s_kinds.Length; i++)
            {
                d[s_kinds[i]] = Interlocked.Read(ref _completedByKind[i]);
            }

            return d;
        }

        public async Task WorkerAsync(int worker, CancellationToken stop)
        {
            await Task.Yield();
            for (long iteration = 0; !stop.IsCancellationRequested; iteration++)
            {
                int kind = (int)((worker + iteration) % s_kinds.Length);
                Interlocked.Increment(ref Started);
                string? failure;
                try
                {
                    using OperationScope operation = OperationMetrics.Begin(s_kinds[kind], async: kind is 0 or 4 or 5);
                    failure = kind switch
                    {
                        0 => await StreamAsync((int)((worker + iteration) % StreamFormats.Names.Count)).ConfigureAwait(false),
                        1 => Tokens((int)((worker * 31) + iteration)),
                        2 => Parse(),
                        3 => Converse((int)((worker * 7) + iteration)),
                        4 => await workspace.WalkAsync(worker, CancellationToken.None).ConfigureAwait(false),
                        _ => await workspace.UpdateIndexAsync(worker, CancellationToken.None).ConfigureAwait(false),
                    };
                }
                catch (Exception e)
                {
                    // The run ends with an exit code and this message; it must not stop the other workers.
                    failure = $"{s_kinds[kind]}: {e.GetType().Name}: {e.Message}";
                }

                if (failure is null)
                {
                    Interlocked.Increment(ref Completed);
                    Interlocked.Increment(ref _completedByKind[kind]);
                }
                else
                {
                    Interlocked.Increment(ref Failed);
                    Interlocked.CompareExchange(ref _firstFailure, failure, null);
                }

                if (kind != 0)
                {
                    await Task.Yield(); // CPU-bound work: let the other workers and the sampler in
                }
            }
        }

        private async Task<string?> StreamAsync(int format)
        {
            var sink = new CountingSink();
            var provider = (ProviderKind)format;
            var request = new ChatRequest { Provider = provider, Model = "soak-model", Prompt = "soak", BaseUrl = baseUrl };
            ChatResult result = await client.StreamChatAsync(request, sink, CancellationToken.None).ConfigureAwait(false);
            int want = expected.StreamChunks[(int)ProviderKinds.StreamFormat(provider)];
            return result.Failed ? $"soak.stream {ProviderKinds.Names[format]}: the stream ended with an error chunk"
                : sink.Chunks != want ? $"soak.stream {ProviderKinds.Names[format]}: {sink.Chunks} chunks, expected {want}"
                : null;
        }

        private string? Tokens(int i)
        {
            int index = i % expected.Messages.Length;
            int count = Tokenizer.O200kBase.CountTokens(expected.Messages[index]);
            return count == expected.MessageTokens[index] ? null : $"soak.tokens: message {index} counted {count}, expected {expected.MessageTokens[index]}";
        }

        private string? Parse()
        {
            int blocks = Expected.Parse(expected.Reply);
            return blocks == expected.ReplyBlocks ? null : $"soak.parse: {blocks} blocks, expected {expected.ReplyBlocks}";
        }

        private string? Converse(int i)
        {
            // Every conversation starts at message 0 so its estimate is known; the offset varies only the timing.
            int estimate = Expected.Converse(expected.Messages, 0);
            return estimate == expected.ConversationEstimate ? null : $"soak.conversation: estimate {estimate}, expected {expected.ConversationEstimate} (run {i})";
        }
    }

    private sealed class CountingSink : IStreamChunkSink
    {
        public int Chunks { get; private set; }

        public void OnChunk(in StreamChunk chunk) => Chunks++;
    }
}
