namespace AgentCore.Caching;

/// <summary>A cached file: its bytes and, once counted, its token count (-1 until then).</summary>
internal sealed class CachedFile(byte[] content)
{
    private int _tokens = -1;

    /// <summary>The file's bytes.</summary>
    public ReadOnlyMemory<byte> Content { get; } = content;

    /// <summary>The token count, or -1 when not counted yet. Thread-safe.</summary>
    public int TokenCount
    {
        get => Volatile.Read(ref _tokens);
        set => Volatile.Write(ref _tokens, value);
    }

    /// <summary>What the entry costs against the budget: the content plus a fixed overhead for the entry and key.</summary>
    public long Weight => Content.Length + FileContentCache.EntryOverhead;
}
