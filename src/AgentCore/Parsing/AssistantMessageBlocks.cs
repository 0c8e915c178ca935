using System.Collections;

namespace AgentCore.Parsing;

/// <summary>
/// The blocks of a message as they stood when a chunk was processed: the reference's shallow copy of its block list,
/// without copying. The count is fixed; the blocks themselves are live and keep changing as more text arrives, exactly
/// as the reference's shared block objects do.
/// </summary>
public readonly struct AssistantMessageBlocks : IReadOnlyList<AssistantMessageBlock>, IEquatable<AssistantMessageBlocks>
{
    private readonly List<AssistantMessageBlock>? _list;
    private readonly int _count;

    internal AssistantMessageBlocks(List<AssistantMessageBlock> list, int count)
    {
        _list = list;
        _count = count;
    }

    /// <summary>Number of blocks.</summary>
    public int Count => _count;

    /// <summary>Block <paramref name="index"/>.</summary>
    public AssistantMessageBlock this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
            return _list![index];
        }
    }

    /// <summary>Compares by identity of the underlying list and count.</summary>
    public static bool operator ==(AssistantMessageBlocks left, AssistantMessageBlocks right) => left.Equals(right);

    /// <summary>Compares by identity of the underlying list and count.</summary>
    public static bool operator !=(AssistantMessageBlocks left, AssistantMessageBlocks right) => !left.Equals(right);

    /// <summary>An allocation-free enumerator.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<AssistantMessageBlock> IEnumerable<AssistantMessageBlock>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(AssistantMessageBlocks other) => ReferenceEquals(_list, other._list) && _count == other._count;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AssistantMessageBlocks other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_list, _count);

    /// <summary>Enumerates the blocks in order.</summary>
    public struct Enumerator : IEnumerator<AssistantMessageBlock>
    {
        private readonly AssistantMessageBlocks _blocks;
        private int _index;

        internal Enumerator(AssistantMessageBlocks blocks)
        {
            _blocks = blocks;
            _index = -1;
        }

        /// <inheritdoc/>
        public readonly AssistantMessageBlock Current => _blocks._list![_index];

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc/>
        public bool MoveNext() => ++_index < _blocks._count;

        /// <inheritdoc/>
        public void Reset() => _index = -1;

        /// <inheritdoc/>
        public readonly void Dispose()
        {
        }
    }
}
