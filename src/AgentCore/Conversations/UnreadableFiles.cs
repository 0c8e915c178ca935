namespace AgentCore.Conversations;

/// <summary>
/// The files whose last read failed (not JSON, wrong shape, unreadable): a save refuses to replace them until a
/// later read succeeds, so history that could not be read is never overwritten. Thread-safe.
/// </summary>
internal sealed class UnreadableFiles
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="read"/> on <paramref name="path"/>, remembering whether it failed.</summary>
    public T Track<T>(string path, Func<T> read)
    {
        try
        {
            T result = read();
            lock (_lock)
            {
                _paths.Remove(path);
            }

            return result;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            lock (_lock)
            {
                _paths.Add(path);
            }

            throw;
        }
    }

    /// <summary>Why a save of <paramref name="path"/> is refused.</summary>
    public static string NotSavedMessage(string path) =>
        $"{path}: not saved, because reading this file failed earlier and saving would replace history that could not be read; fix or move the file, then read it again";

    /// <summary>True when the last read of <paramref name="path"/> failed.</summary>
    public bool Contains(string path)
    {
        lock (_lock)
        {
            return _paths.Contains(path);
        }
    }

    /// <summary>Throws when the last read of <paramref name="path"/> failed.</summary>
    /// <exception cref="IOException">The file's last read failed.</exception>
    public void EnsureWritable(string path)
    {
        if (Contains(path))
        {
            throw new IOException(NotSavedMessage(path));
        }
    }
}
