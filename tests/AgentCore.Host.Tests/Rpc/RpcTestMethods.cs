using System.Text.Json.Serialization;
using AgentCore.Host.Rpc;
using AgentCore.Operations;

namespace AgentCore.Host.Tests.Rpc;

public sealed record EchoParams(string? Text = null, int DelayMs = 0, string? ApiKey = null);

public sealed record EchoResult(string? Text);

public sealed record FailParams(string Code, string? Target = null);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(EchoParams))]
[JsonSerializable(typeof(EchoResult))]
[JsonSerializable(typeof(FailParams))]
internal sealed partial class RpcTestJsonContext : JsonSerializerContext;

/// <summary>Methods that exercise the RPC layer itself (the product's methods are bindings tested elsewhere).</summary>
internal static class RpcTestMethods
{
    public static void AddTo(RpcServer server)
    {
        RpcTestJsonContext j = RpcTestJsonContext.Default;
        server.Add(RpcMethod.Create("echo", j.EchoParams, j.EchoResult, async (p, call) =>
        {
            if (p.DelayMs > 0)
            {
                await Task.Delay(p.DelayMs, call.Cancellation);
            }

            return new EchoResult(p.Text);
        }));
        server.Add(RpcMethod.Create("wait", j.EchoParams, j.EchoResult, async (p, call) =>
        {
            await Task.Delay(Timeout.Infinite, call.Cancellation);
            return new EchoResult(p.Text);
        }));
        server.Add(RpcMethod.Create("crash", j.EchoParams, j.EchoResult, (p, call) =>
        {
            object? o = null;
            return ValueTask.FromResult(new EchoResult(o!.ToString()));
        }));
        server.Add(RpcMethod.Create("fail", j.FailParams, j.EchoResult, (p, call) =>
            throw new OperationException(new OperationError(p.Code, $"{p.Target}: failed as asked", p.Target))));
        server.Add(RpcMethod.Create("chunks", j.EchoParams, j.EchoResult, (p, call) =>
        {
            foreach (char c in p.Text ?? "")
            {
                call.Notify("test/chunk", new EchoResult(c.ToString()), j.EchoResult);
            }

            return ValueTask.FromResult(new EchoResult(p.Text));
        }));
    }
}
