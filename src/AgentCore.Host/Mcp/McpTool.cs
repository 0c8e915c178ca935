using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AgentCore.Host.Rpc;

namespace AgentCore.Host.Mcp;

/// <summary>
/// One MCP tool: its listing (name, title, description, input and output JSON Schemas) and its call, which binds
/// the arguments through a source-generated type, runs a library operation and returns the operation's result
/// as the tool's <c>structuredContent</c> (UTF-8 JSON). No capability logic lives in a tool.
/// </summary>
internal abstract class McpTool(string name, string title, string description, string inputSchema, string outputSchema)
{
    /// <summary>The tool name (snake_case, as the extension names its tools).</summary>
    public string Name { get; } = name;

    /// <summary>A short human-readable title.</summary>
    public string Title { get; } = title;

    /// <summary>What the tool does, for the model.</summary>
    public string Description { get; } = description;

    /// <summary>The JSON Schema of the arguments (JSON text).</summary>
    public string InputSchema { get; } = inputSchema;

    /// <summary>The JSON Schema of <c>structuredContent</c> (JSON text).</summary>
    public string OutputSchema { get; } = outputSchema;

    /// <summary>Runs the tool; returns the structured result as UTF-8 JSON.</summary>
    /// <exception cref="RpcException">-32602: the arguments do not fit the input schema.</exception>
    /// <exception cref="AgentCore.Operations.OperationException">The operation failed (reported as an isError result).</exception>
    public abstract ValueTask<byte[]> CallAsync(JsonElement arguments, McpToolContext context, CancellationToken ct);

    /// <summary>A tool whose arguments bind to <typeparamref name="TArgs"/> and whose result is <typeparamref name="TResult"/>.</summary>
    public static McpTool Create<TArgs, TResult>(
        string name,
        string title,
        string description,
        string inputSchema,
        string outputSchema,
        JsonTypeInfo<TArgs> argsInfo,
        JsonTypeInfo<TResult> resultInfo,
        Func<TArgs, McpToolContext, CancellationToken, Task<TResult>> run) =>
        new Typed<TArgs, TResult>(name, title, description, inputSchema, outputSchema, argsInfo, resultInfo, run);

    private sealed class Typed<TArgs, TResult>(
        string name,
        string title,
        string description,
        string inputSchema,
        string outputSchema,
        JsonTypeInfo<TArgs> argsInfo,
        JsonTypeInfo<TResult> resultInfo,
        Func<TArgs, McpToolContext, CancellationToken, Task<TResult>> run) : McpTool(name, title, description, inputSchema, outputSchema)
    {
        public override async ValueTask<byte[]> CallAsync(JsonElement arguments, McpToolContext context, CancellationToken ct)
        {
            TArgs? args;
            try
            {
                args = arguments.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null
                    ? JsonSerializer.Deserialize("{}"u8, argsInfo)
                    : arguments.Deserialize(argsInfo);
            }
            catch (JsonException e)
            {
                RpcException bad = RpcParamErrors.From(e);
                string field = bad.Target is null or "params" ? "arguments" : bad.Target;
                throw new RpcException(RpcErrorCodes.InvalidParams,
                    $"Invalid arguments for tool {Name}: {(bad.Message.EndsWith("is required", StringComparison.Ordinal) ? $"{field} is required" : $"{field} has the wrong type or value")}",
                    AgentCore.Operations.ErrorCodes.InvalidArgument, field);
            }

            if (args is null)
            {
                throw new RpcException(RpcErrorCodes.InvalidParams, $"Invalid arguments for tool {Name}: arguments must be an object",
                    AgentCore.Operations.ErrorCodes.InvalidArgument, "arguments");
            }

            TResult result = await run(args, context, ct).ConfigureAwait(false);
            return JsonSerializer.SerializeToUtf8Bytes(result, resultInfo);
        }
    }
}
