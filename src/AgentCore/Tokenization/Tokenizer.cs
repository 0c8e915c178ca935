using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using AgentCore.Diagnostics;

namespace AgentCore.Tokenization;

/// <summary>
/// tiktoken-exact byte-pair encoding for <c>o200k_base</c> and <c>cl100k_base</c>, as tiktoken's
/// <c>encode_ordinary</c>: special-token text such as <c>&lt;|endoftext|&gt;</c> is ordinary text.
/// </summary>
/// <remarks>
/// Text is encoded as UTF-8 first: unpaired UTF-16 surrogates and invalid UTF-8 become U+FFFD, as in tiktoken
/// (which takes a Unicode string); a leading BOM is text and CRLF is kept. Pieces come from a hand-written
/// matcher equivalent to each encoding's split regex; pieces that are not a token are merged lowest rank first,
/// leftmost on ties, in near-linear time for long pieces (a bucket queue by rank; tiktoken's loop is quadratic).
/// Complexity: O(text length) for the split, plus the merges. Instances are immutable and thread-safe; counting
/// allocates nothing after the first call on a thread (buffers come from <see cref="ArrayPool{T}.Shared"/> and
/// per-thread caches: about 1.3 MB per thread and encoding once long pieces have been seen).
/// </remarks>
public sealed partial class Tokenizer
{
    private const string O200kName = "o200k_base";
    private const string Cl100kName = "cl100k_base";

    /// <summary>Longest text (in UTF-8 bytes) transcoded on the stack; longer text uses a pooled buffer.</summary>
    private const int StackBufferBytes = 1024;

    private readonly Vocabulary _vocabulary;
    private readonly bool _isO200k;

    private Tokenizer(string name, Vocabulary vocabulary)
    {
        Name = name;
        _vocabulary = vocabulary;
        _isO200k = name == O200kName;
    }

    /// <summary>The <c>o200k_base</c> encoding (GPT-4o and later; what the extension counts with). Created on first use.</summary>
    public static Tokenizer O200kBase => O200kHolder.Instance;

    /// <summary>The <c>cl100k_base</c> encoding (GPT-4, GPT-3.5). Created on first use.</summary>
    public static Tokenizer Cl100kBase => Cl100kHolder.Instance;

    /// <summary>The encoding's name, e.g. <c>o200k_base</c>.</summary>
    public string Name { get; }

    /// <summary>Number of ordinary tokens in the vocabulary.</summary>
    public int VocabularySize => _vocabulary.Count;

    /// <summary>The encoding named <paramref name="encodingName"/>: <c>o200k_base</c> or <c>cl100k_base</c>.</summary>
    /// <exception cref="ArgumentException">Any other name.</exception>
    public static Tokenizer Get(string encodingName) => encodingName switch
    {
        O200kName => O200kBase,
        Cl100kName => Cl100kBase,
        _ => ThrowUnknownEncoding(encodingName),
    };

    /// <summary>Number of tokens in <paramref name="text"/>.</summary>
    public int CountTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CountTokens(text.AsSpan());
    }

    /// <summary>Number of tokens in <paramref name="text"/>.</summary>
    public int CountTokens(ReadOnlySpan<char> text)
    {
        using ProfileScope scope = Profiler.Scope("tokens.count");
        var sink = new TokenSink(collect: false);
        EncodeUtf16(text, ref sink);
        return sink.Count;
    }

    /// <summary>Number of tokens in the UTF-8 text <paramref name="utf8"/> (invalid sequences count as U+FFFD).</summary>
    public int CountTokensUtf8(ReadOnlySpan<byte> utf8)
    {
        using ProfileScope scope = Profiler.Scope("tokens.count");
        var sink = new TokenSink(collect: false);
        EncodeUtf8Core(utf8, ref sink);
        return sink.Count;
    }

    /// <summary>Token ids of <paramref name="text"/>.</summary>
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Encode(text.AsSpan());
    }

    /// <summary>Token ids of <paramref name="text"/>.</summary>
    public int[] Encode(ReadOnlySpan<char> text)
    {
        using ProfileScope scope = Profiler.Scope("tokens.encode");
        var sink = new TokenSink(collect: true);
        try
        {
            EncodeUtf16(text, ref sink);
            return sink.ToArray();
        }
        finally
        {
            sink.Dispose();
        }
    }

    /// <summary>Token ids of the UTF-8 text <paramref name="utf8"/> (invalid sequences are encoded as U+FFFD).</summary>
    public int[] EncodeUtf8(ReadOnlySpan<byte> utf8)
    {
        using ProfileScope scope = Profiler.Scope("tokens.encode");
        var sink = new TokenSink(collect: true);
        try
        {
            EncodeUtf8Core(utf8, ref sink);
            return sink.ToArray();
        }
        finally
        {
            sink.Dispose();
        }
    }

    /// <summary>The bytes of the tokens <paramref name="ids"/>, concatenated (possibly not valid UTF-8 for a partial sequence).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An id is not an ordinary token of this encoding.</exception>
    public byte[] DecodeUtf8(ReadOnlySpan<int> ids)
    {
        int total = 0;
        foreach (int id in ids)
        {
            total += TokenBytes(id).Length;
        }

        byte[] bytes = new byte[total];
        int offset = 0;
        foreach (int id in ids)
        {
            ReadOnlySpan<byte> token = TokenBytes(id);
            token.CopyTo(bytes.AsSpan(offset));
            offset += token.Length;
        }

        return bytes;
    }

    /// <summary>The text of the tokens <paramref name="ids"/>; invalid UTF-8 (a split character) becomes U+FFFD.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An id is not an ordinary token of this encoding.</exception>
    public string Decode(ReadOnlySpan<int> ids) => Encoding.UTF8.GetString(DecodeUtf8(ids));

    /// <summary>The bytes of token <paramref name="id"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is not an ordinary token of this encoding.</exception>
    public ReadOnlySpan<byte> TokenBytes(int id)
    {
        if ((uint)id >= (uint)_vocabulary.Count)
        {
            ThrowUnknownId(id);
        }

        return _vocabulary.TokenBytes(id);
    }

    /// <summary>The id of the token whose bytes are exactly <paramref name="bytes"/>, or -1.</summary>
    public int TokenId(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return -1;
        }

        int rank = _vocabulary.Rank(bytes);
        return rank == Vocabulary.NotFound ? -1 : rank;
    }

    [SkipLocalsInit]
    private void EncodeUtf16(ReadOnlySpan<char> text, ref TokenSink sink)
    {
        if (text.IsEmpty)
        {
            return;
        }

        // Exact UTF-8 length (vectorized); lone surrogates take 3 bytes as U+FFFD.
        int byteCount = Encoding.UTF8.GetByteCount(text);
        byte[]? rented = null;
        Span<byte> buffer = byteCount <= StackBufferBytes
            ? stackalloc byte[StackBufferBytes]
            : (rented = ArrayPool<byte>.Shared.Rent(byteCount));
        try
        {
            Utf8.FromUtf16(text, buffer, out _, out int written, replaceInvalidSequences: true);
            EncodeValidUtf8(buffer[..written], ref sink);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private void EncodeUtf8Core(ReadOnlySpan<byte> utf8, ref TokenSink sink)
    {
        if (Utf8.IsValid(utf8))
        {
            EncodeValidUtf8(utf8, ref sink);
            return;
        }

        // Rare: replace invalid sequences (maximal subparts, as WHATWG/Node and .NET decode) by U+FFFD.
        string text = Encoding.UTF8.GetString(utf8);
        EncodeUtf16(text, ref sink);
    }

    [DoesNotReturn]
    private static Tokenizer ThrowUnknownEncoding(string name) =>
        throw new ArgumentException($"Unknown encoding '{name}'; use o200k_base or cl100k_base.", nameof(name));

    [DoesNotReturn]
    private void ThrowUnknownId(int id) =>
        throw new ArgumentOutOfRangeException(nameof(id), id, $"Not a token id of {Name} (0..{_vocabulary.Count - 1}).");

    private static class O200kHolder
    {
        internal static readonly Tokenizer Instance = new(O200kName, Vocabulary.Load("AgentCore.Tokenization.o200k_base.acv"));
    }

    private static class Cl100kHolder
    {
        internal static readonly Tokenizer Instance = new(Cl100kName, Vocabulary.Load("AgentCore.Tokenization.cl100k_base.acv"));
    }
}
