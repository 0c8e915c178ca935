using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AgentCore.Host.Tests.Cli;

/// <summary>`agentcore chat` against a one-shot loopback server run by the test.</summary>
public sealed class ChatVerbTests
{
    /// <summary>Serves one canned HTTP response to the first connection; returns the base URL and the captured request.</summary>
    private static (string BaseUrl, Task<string> Request) Serve(string response)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        Task<string> request = Task.Run(async () =>
        {
            try
            {
                using TcpClient client = await listener.AcceptTcpClientAsync();
                NetworkStream stream = client.GetStream();
                var received = new StringBuilder();
                byte[] buffer = new byte[8192];
                while (true)
                {
                    int n = await stream.ReadAsync(buffer);
                    received.Append(Encoding.UTF8.GetString(buffer, 0, n));
                    string text = received.ToString();
                    int headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                    if (headEnd >= 0)
                    {
                        int lengthAt = text.IndexOf("Content-Length: ", StringComparison.OrdinalIgnoreCase);
                        int length = lengthAt < 0 ? 0 : int.Parse(text[(lengthAt + 16)..text.IndexOf('\r', lengthAt)], System.Globalization.CultureInfo.InvariantCulture);
                        if (Encoding.UTF8.GetByteCount(text[(headEnd + 4)..]) >= length)
                        {
                            break;
                        }
                    }
                }

                await stream.WriteAsync(Encoding.UTF8.GetBytes(response));
                return received.ToString();
            }
            finally
            {
                listener.Stop();
            }
        });
        return ($"http://127.0.0.1:{port}/v1", request);
    }

    private const string Sse =
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n" +
        "data: {\"choices\":[{\"delta\":{\"content\":\"Hello\"}}]}\n\n" +
        "data: {\"choices\":[{\"delta\":{\"content\":\" there\"}}]}\n\n" +
        "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2}}\n\n" +
        "data: [DONE]\n\n";

    [Fact]
    public async Task Chat_OpenAiCompatible_PlainTextReply()
    {
        (string baseUrl, Task<string> request) = Serve(Sse);
        ProcessResult r = AgentCoreProcess.Run(["chat", "--provider", "openai", "--model", "m1", "--base-url", baseUrl, "--api-key-env", "AGENTCORE_TEST_NO_SUCH_VAR_X", "hi"]);
        Assert.Equal(1, r.ExitCode); // the named key variable is not set
        Assert.Contains("AGENTCORE_TEST_NO_SUCH_VAR_X", r.StdErr, StringComparison.Ordinal);

        ProcessResult ok = AgentCoreProcess.Run(["chat", "--provider", "openai", "--model", "m1", "--base-url", baseUrl, "Say hi"]);
        Assert.Equal(0, ok.ExitCode);
        Assert.Equal("Hello there\n", ok.StdOut);
        string received = await request;
        Assert.Contains("POST /v1/chat/completions", received, StringComparison.Ordinal);
        Assert.Contains("\"content\":\"Say hi\"", received, StringComparison.Ordinal);
    }

    [Fact]
    public void Chat_Json_ChunkLines()
    {
        (string baseUrl, _) = Serve(Sse);
        ProcessResult r = AgentCoreProcess.Run(["chat", "--provider", "openai", "--model", "m1", "--base-url", baseUrl, "--json", "hi"]);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(
            "{\"type\":\"text\",\"text\":\"Hello\"}\n{\"type\":\"text\",\"text\":\" there\"}\n{\"type\":\"usage\",\"inputTokens\":5,\"outputTokens\":2}\n",
            r.StdOut);
    }

    [Fact]
    public void Chat_Http401_ProviderMessageOnStderrExit1()
    {
        string body = "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}";
        (string baseUrl, _) = Serve($"HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n{body}");
        ProcessResult r = AgentCoreProcess.Run(["chat", "--provider", "openai", "--model", "m1", "--base-url", baseUrl, "hi"]);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.StdOut);
        Assert.Equal("agentcore chat: HTTP 401 Unauthorized: Incorrect API key provided\n", r.StdErr);
    }

    [Fact]
    public void Chat_ErrorInsideStream_Exit1WithProviderMessage()
    {
        (string baseUrl, _) = Serve(
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n" +
            "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n");
        ProcessResult r = AgentCoreProcess.Run(["chat", "--provider", "anthropic", "--model", "claude-sonnet-4-5", "--base-url", baseUrl, "hi"]);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("agentcore chat: overloaded_error: Overloaded\n", r.StdErr);
    }

    [Theory]
    [InlineData("chat --provider openai hi")]
    [InlineData("chat --model m hi")]
    [InlineData("chat --provider nope --model m hi")]
    [InlineData("chat --provider openai --model m")]
    [InlineData("chat --provider openai --model m --base-url notaurl hi")]
    public void Chat_BadCommandLine_Exit2(string commandLine)
    {
        ProcessResult r = AgentCoreProcess.Run(commandLine.Split(' '));
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.StdOut);
    }
}
