using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using AgentCore.Host.Rpc;

namespace AgentCore.Host.Tests.Rpc;

/// <summary>Runs an <see cref="RpcServer"/> in process over pipes; reads its output message by message.</summary>
internal sealed class RpcHarness : IDisposable
{
    private readonly Pipe _input = new();
    private readonly Pipe _output = new();
    private readonly Stream _outStream;
    private readonly StringWriter _log = new();
    private readonly Thread _thread;
    private readonly List<byte> _pending = [];

    public RpcHarness(Action<RpcServer> setup, RpcServerOptions? options = null)
    {
        Server = new RpcServer(_input.Reader.AsStream(), _output.Writer.AsStream(), TextWriter.Synchronized(_log), options ?? new RpcServerOptions());
        setup(Server);
        _outStream = _output.Reader.AsStream();
        _thread = new Thread(() =>
        {
            Server.Run();
            _output.Writer.Complete();
        }) { IsBackground = true };
        _thread.Start();
    }

    public RpcServer Server { get; }

    public string Log => _log.ToString();

    /// <summary>Runs a server on all of <paramref name="input"/> (then end of input); returns every line it wrote.</summary>
    public static string[] RunLines(string input, Action<RpcServer>? setup = null, RpcServerOptions? options = null)
    {
        byte[] output = RunBytes(Encoding.UTF8.GetBytes(input), setup, options);
        return Encoding.UTF8.GetString(output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Runs a server on <paramref name="input"/> (fed through <paramref name="wrap"/>); returns its raw output.</summary>
    public static byte[] RunBytes(byte[] input, Action<RpcServer>? setup = null, RpcServerOptions? options = null, Func<Stream, Stream>? wrap = null)
    {
        var output = new MemoryStream();
        Stream inStream = new MemoryStream(input);
        var server = new RpcServer(wrap is null ? inStream : wrap(inStream), output, TextWriter.Null, options ?? new RpcServerOptions());
        (setup ?? RpcTestMethods.AddTo)(server);
        server.Run();
        return output.ToArray();
    }

    public void Send(string json)
    {
        _input.Writer.WriteAsync(Encoding.UTF8.GetBytes(json + "\n")).AsTask().Wait();
    }

    public void EndInput() => _input.Writer.Complete();

    /// <summary>The next line the server wrote, parsed (null at end of output).</summary>
    public JsonElement? Next(int timeoutMs = 10_000)
    {
        var buffer = new byte[4096];
        while (true)
        {
            int nl = _pending.IndexOf((byte)'\n');
            if (nl >= 0)
            {
                byte[] line = [.. _pending.GetRange(0, nl)];
                _pending.RemoveRange(0, nl + 1);
                return JsonDocument.Parse(line).RootElement.Clone();
            }

            Task<int> read = _outStream.ReadAsync(buffer).AsTask();
            if (!read.Wait(timeoutMs))
            {
                throw new TimeoutException("the server wrote nothing");
            }

            if (read.Result == 0)
            {
                return null;
            }

            _pending.AddRange(buffer.AsSpan(0, read.Result).ToArray());
        }
    }

    public bool Join(int timeoutMs = 10_000) => _thread.Join(timeoutMs);

    public void Dispose()
    {
        try
        {
            _input.Writer.Complete();
        }
        catch (InvalidOperationException)
        {
        }

        _thread.Join(10_000);
    }
}
