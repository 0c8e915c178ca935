using System.Buffers;
using System.Text.Json;
using AgentCore.Streaming;

namespace AgentCore.Host.Rpc;

/// <summary>
/// <c>chat/start</c>: a binding of <see cref="StreamOperations.StartChatAsync"/> (the operation the <c>chat</c> verb
/// runs). Each chunk goes out at once as a <c>chat/chunk</c> notification <c>{"requestId":ID,"chunk":CHUNK}</c>,
/// CHUNK byte for byte the line <c>agentcore chat --json</c> prints; the answer follows the last chunk.
/// <c>$/cancelRequest</c> stops the socket read at once.
/// </summary>
internal sealed partial class ServeSession
{
    private const string ChunkNotification = "chat/chunk";

    private void AddChat()
    {
        Add(RpcMethod.Create("chat/start", ServerJson.Info<StartChatRequest>(), ServerJson.Info<StartChatResult>(),
            (r, call) => new ValueTask<StartChatResult>(StreamOperations.StartChatAsync(r with { Fixes = Fixes }, new ChunkNotifier(call), call.Cancellation))));
        SentNotifications.Add(ChunkNotification);
    }

    /// <summary>Writes each chunk as a <c>chat/chunk</c> notification of the request.</summary>
    private sealed class ChunkNotifier : IStreamChunkSink
    {
        private readonly RpcCall _call;
        private readonly ArrayBufferWriter<byte> _line = new(256);
        private readonly ChunkJsonLineWriter _writer;

        public ChunkNotifier(RpcCall call)
        {
            _call = call;
            _writer = new ChunkJsonLineWriter(_line);
        }

        public void OnChunk(in StreamChunk chunk)
        {
            _line.ResetWrittenCount();
            _writer.OnChunk(chunk);
            _call.NotifyRaw(ChunkNotification, this, static (w, self) =>
            {
                w.WriteStartObject();
                w.WritePropertyName("requestId"u8);
                w.WriteRawValue(self._call.Id, skipInputValidation: true);
                w.WritePropertyName("chunk"u8);
                w.WriteRawValue(self._line.WrittenSpan[..^1], skipInputValidation: true); // without the line feed
                w.WriteEndObject();
            });
        }
    }
}
