using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AgentCore.Host.Tests.Cli;

/// <summary>Runs where the test talks to the process while it works: flushing per event, and Ctrl-C.</summary>
public sealed class InteractiveTests
{
    private static Process Start(params string[] args) => Start(defaultSigint: false, args);

    /// <param name="defaultSigint">
    /// Start through <c>env --default-signal=INT</c>: a test run launched in the background (<c>cmd &amp;</c> from a
    /// script) inherits SIGINT ignored, the runtime keeps an inherited ignore (as nohup expects), and the Ctrl-C test
    /// would then wait for a signal that is never delivered.
    /// </param>
    private static Process Start(bool defaultSigint, params string[] args)
    {
        var psi = new ProcessStartInfo(defaultSigint ? "env" : AgentCoreProcess.BinaryPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (defaultSigint)
        {
            psi.ArgumentList.Add("--default-signal=INT");
            psi.ArgumentList.Add(AgentCoreProcess.BinaryPath);
        }

        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        return Process.Start(psi)!;
    }

    [Fact]
    public async Task Stream_PipedEvents_FirstLineArrivesBeforeTheSecondEventIsSent()
    {
        using Process p = Start("stream", "--format", "openai-chat");
        Task<string> errors = p.StandardError.ReadToEndAsync();
        Stream stdin = p.StandardInput.BaseStream;
        await stdin.WriteAsync("data: {\"choices\":[{\"delta\":{\"content\":\"first\"}}]}\n\n"u8.ToArray());
        await stdin.FlushAsync();

        // The second event is written only after the first line was read: a process that flushed only at the end of
        // its input would never print it, and the read below would run into the hang guard.
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        string? first = await p.StandardOutput.ReadLineAsync(guard.Token);
        Assert.Equal("{\"type\":\"text\",\"text\":\"first\"}", first);

        await stdin.WriteAsync("data: {\"choices\":[{\"delta\":{\"content\":\"second\"}}]}\n\ndata: [DONE]\n\n"u8.ToArray());
        stdin.Close();
        string rest = await p.StandardOutput.ReadToEndAsync(guard.Token);
        await p.WaitForExitAsync(guard.Token);
        Assert.Equal("{\"type\":\"text\",\"text\":\"second\"}\n", rest);
        Assert.Equal(0, p.ExitCode);
        Assert.Equal("", await errors);
    }

    [Fact]
    public async Task Chat_CtrlC_StopsAtOnceWithExit130()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            using Process p = Start(defaultSigint: true, "chat", "--provider", "ollama", "--model", "m", "--base-url", $"http://127.0.0.1:{port}/v1", "hi");
            Task<string> errors = p.StandardError.ReadToEndAsync();
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));

            // The server accepts and never answers: the process is inside the request when SIGINT arrives.
            using TcpClient held = await listener.AcceptTcpClientAsync(guard.Token);
            using (Process kill = Process.Start("kill", ["-INT", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
            {
                await kill.WaitForExitAsync(guard.Token);
            }

            await p.WaitForExitAsync(guard.Token);
            Assert.Equal(130, p.ExitCode);
            Assert.Equal("agentcore chat: cancelled\n", await errors);
        }
        finally
        {
            listener.Stop();
        }
    }
}
