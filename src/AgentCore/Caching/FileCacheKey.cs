namespace AgentCore.Caching;

/// <summary>A file's identity for caching: its path, length and last-write time; a change to either makes a new key.</summary>
internal readonly record struct FileCacheKey(string Path, long Length, long LastWriteTicks)
{
    /// <summary>The key of the file at <paramref name="path"/> as it is now (one stat), or null when it does not exist.</summary>
    public static FileCacheKey? For(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new FileCacheKey(path, info.Length, info.LastWriteTimeUtc.Ticks) : null;
    }
}
