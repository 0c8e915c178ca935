using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AgentCore.Streaming;
using AgentCore.Streaming.Http;
using AgentCore.Streaming.Providers;

using AgentCore.Diagnostics.Workloads;

namespace AgentCore.Benchmarks.Streaming;

/// <summary>
/// Loopback measurements that BenchmarkDotNet cannot express:
/// <c>stream-latency</c>: time from the first byte on the socket to the first decoded text chunk, against a raw read
/// (p50/p90/p99 over ping-pong rounds), raw socket + decoder and end to end through <see cref="ProviderClient"/>;
/// <c>stream-cpu [streams] [seconds]</c>: CPU of N concurrent streams at 100 chunks/s each through ProviderClient,
/// the server running in a child process (<c>stream-serve</c>) so that only the client's CPU is counted.
/// </summary>
internal static class StreamingLoopbackHarness
{
    public static bool TryRun(string[] args)
    {
        if (args.Length == 0)
        {
            return false;
        }

        switch (args[0])
        {
            case "stream-latency":
                Latency(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000);
                return true;
            case "stream-cpu":
                Cpu(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10);
                return true;
            case "stream-serve":
                Serve(int.Parse(args[1], CultureInfo.InvariantCulture));
                return true;
            default:
                return false;
        }
    }

    private static void Latency(int rounds)
    {
        byte[] ev = ChatDeltaStream.OneEvent("hi");
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.Connect((IPEndPoint)listener.LocalEndpoint);
        using Socket server = listener.AcceptSocket();
        server.NoDelay = true;
        listener.Stop();

        var sink = new TimestampSink();
        using StreamDecoder decoder = StreamDecoder.Create(StreamFormat.OpenAiChat, sink);
        using var go = new SemaphoreSlim(0);
        long t0 = 0;
        int warmup = rounds / 10;
        var writer = new Thread(() =>
        {
            for (int i = 0; i < rounds + warmup; i++)
            {
                go.Wait();
                Volatile.Write(ref t0, Stopwatch.GetTimestamp());
                server.Send(ev);
            }
        });
        writer.Start();
        byte[] buffer = new byte[16 * 1024];
        var raw = new List<double>(rounds);
        var chunk = new List<double>(rounds);
        var decode = new List<double>(rounds);
        for (int i = 0; i < rounds + warmup; i++)
        {
            go.Release();
            int got = client.Receive(buffer);
            long tRaw = Stopwatch.GetTimestamp();
            sink.Stamp = 0;
            decoder.Push(buffer.AsSpan(0, got));
            while (got < ev.Length)
            {
                int n = client.Receive(buffer);
                decoder.Push(buffer.AsSpan(0, n));
                got += n;
            }

            if (i >= warmup)
            {
                long start = Volatile.Read(ref t0);
                raw.Add(Micro(tRaw - start));
                chunk.Add(Micro(sink.Stamp - start));
                decode.Add(Micro(sink.Stamp - tRaw));
            }
        }

        writer.Join();
        Console.WriteLine($"raw socket, {rounds} rounds of one {ev.Length}-byte OpenAI delta event (µs):");
        Print("  write -> raw read returns", raw);
        Print("  write -> first text chunk decoded", chunk);
        Print("  raw read -> text chunk (decode)", decode);
        EndToEndLatency(ev, rounds / 4, Percentile(raw, 0.5));
    }

    /// <summary>Through ProviderClient (HttpClient, HTTP/1.1 loopback): server write -> sink callback.</summary>
    private static void EndToEndLatency(byte[] ev, int rounds, double rawP50)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var go = new SemaphoreSlim(0);
        long t0 = 0;
        int warmup = rounds / 10;
        var serverThread = new Thread(() =>
        {
            using Socket s = listener.AcceptSocket();
            s.NoDelay = true;
            ReadRequest(s);
            s.Send(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n"));
            for (int i = 0; i < rounds + warmup; i++)
            {
                go.Wait();
                Volatile.Write(ref t0, Stopwatch.GetTimestamp());
                s.Send(ev);
            }

            s.Send("data: [DONE]\n\n"u8.ToArray());
            listener.Stop();
        });
        serverThread.Start();
        var samples = new List<double>(rounds);
        var sink = new CallbackSink(() =>
        {
            long now = Stopwatch.GetTimestamp();
            if (samples.Capacity > 0)
            {
                samples.Add(Micro(now - Volatile.Read(ref t0)));
            }

            go.Release();
        });
        using var client = new ProviderClient();
        go.Release();
        ChatResult result = client.StreamChatAsync(new ChatRequest { Provider = ProviderKind.OpenAi, Model = "m", Prompt = "p", BaseUrl = $"http://127.0.0.1:{port}/v1" }, sink).GetAwaiter().GetResult();
        serverThread.Join();
        List<double> measured = samples.Skip(warmup).ToList();
        Console.WriteLine($"ProviderClient (HttpClient, HTTP/1.1 loopback), {measured.Count} rounds, failed={result.Failed} (µs):");
        Print("  write -> first text chunk in the sink", measured);
        Console.WriteLine($"  p50 above the raw socket read: {Percentile(measured, 0.5) - rawP50:0.0} µs");
    }

    private static void Cpu(int streams, int seconds)
    {
        int chunksPerStream = (seconds + 3) * 100;
        string self = Environment.ProcessPath!;
        var psi = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AgentCore.Benchmarks.dll"));
        }

        psi.ArgumentList.Add("stream-serve");
        psi.ArgumentList.Add(chunksPerStream.ToString(CultureInfo.InvariantCulture));
        using Process server = Process.Start(psi)!;
        int port = int.Parse(server.StandardOutput.ReadLine()!, CultureInfo.InvariantCulture);
        using var client = new ProviderClient();
        long chunks = 0;
        var sinks = new CountingSink[streams];
        var tasks = new Task<ChatResult>[streams];
        for (int i = 0; i < streams; i++)
        {
            sinks[i] = new CountingSink();
            tasks[i] = client.StreamChatAsync(new ChatRequest { Provider = ProviderKind.OpenAi, Model = "m", Prompt = "p", BaseUrl = $"http://127.0.0.1:{port}/v1" }, sinks[i]);
        }

        Thread.Sleep(2000); // all streams connected and flowing
        using Process me = Process.GetCurrentProcess();
        me.Refresh();
        TimeSpan cpu0 = me.TotalProcessorTime;
        long c0 = sinks.Sum(s => s.Count);
        var wall = Stopwatch.StartNew();
        Thread.Sleep(seconds * 1000);
        me.Refresh();
        TimeSpan cpu = me.TotalProcessorTime - cpu0;
        double elapsed = wall.Elapsed.TotalSeconds;
        chunks = sinks.Sum(s => s.Count) - c0;
        Task.WaitAll(tasks);
        server.WaitForExit();
        Console.WriteLine($"{streams} concurrent streams through ProviderClient, measured {elapsed:0.00} s: {chunks} chunks ({chunks / elapsed:0} chunks/s), " +
            $"client CPU {cpu.TotalMilliseconds:0} ms = {cpu.TotalSeconds / elapsed * 100:0.00} % of one core; failed streams: {tasks.Count(t => t.Result.Failed)}");
    }

    private static void Serve(int chunksPerStream)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Console.WriteLine(((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture));
        Console.Out.Flush();
        byte[] ev = ChatDeltaStream.OneEvent(" token");
        var connections = new List<Task>();
        listener.Server.ReceiveTimeout = 0;
        var accept = Task.Run(async () =>
        {
            while (true)
            {
                Socket s = await listener.AcceptSocketAsync();
                connections.Add(Task.Run(async () =>
                {
                    using (s)
                    {
                        s.NoDelay = true;
                        ReadRequest(s);
                        await s.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n"));
                        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
                        for (int i = 0; i < chunksPerStream && await timer.WaitForNextTickAsync(); i++)
                        {
                            await s.SendAsync(ev);
                        }

                        await s.SendAsync("data: [DONE]\n\n"u8.ToArray());
                    }
                }));
            }
        });
        Thread.Sleep((chunksPerStream / 100 + 5) * 1000);
    }

    private static void ReadRequest(Socket s)
    {
        var head = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (true)
        {
            int n = s.Receive(buffer);
            head.Append(Encoding.ASCII.GetString(buffer, 0, n));
            string text = head.ToString();
            int end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0)
            {
                continue;
            }

            int at = text.IndexOf("Content-Length: ", StringComparison.OrdinalIgnoreCase);
            int length = at < 0 ? 0 : int.Parse(text[(at + 16)..text.IndexOf('\r', at)], CultureInfo.InvariantCulture);
            if (text.Length - end - 4 >= length)
            {
                return;
            }
        }
    }

    private static double Micro(long ticks) => ticks * 1e6 / Stopwatch.Frequency;

    private static double Percentile(List<double> values, double p)
    {
        List<double> sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, p * sorted.Count)];
    }

    private static void Print(string label, List<double> values) =>
        Console.WriteLine($"{label}: p50 {Percentile(values, 0.5):0.0}  p90 {Percentile(values, 0.9):0.0}  p99 {Percentile(values, 0.99):0.0}");

    private sealed class TimestampSink : IStreamChunkSink
    {
        public long Stamp { get; set; }

        public void OnChunk(in StreamChunk chunk)
        {
            if (chunk.Type == StreamChunkType.Text && Stamp == 0)
            {
                Stamp = Stopwatch.GetTimestamp();
            }
        }
    }

    private sealed class CallbackSink(Action onText) : IStreamChunkSink
    {
        public void OnChunk(in StreamChunk chunk)
        {
            if (chunk.Type == StreamChunkType.Text)
            {
                onText();
            }
        }
    }

    private sealed class CountingSink : IStreamChunkSink
    {
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public void OnChunk(in StreamChunk chunk) => Interlocked.Increment(ref _count);
    }
}
