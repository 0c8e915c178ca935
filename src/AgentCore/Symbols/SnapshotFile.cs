namespace AgentCore.Symbols;

/// <summary>
/// Replaces a snapshot file atomically: the new contents go to a temp file beside it, which is then renamed onto it
/// (<c>rename(2)</c>), so a reader or a concurrent writer sees the old file or the new one, never a partial one.
/// </summary>
/// <remarks>
/// Unlike <see cref="IO.AtomicFile"/> (the extension's procedure for task files, which must survive a power cut), the
/// temp file is not fsynced: a snapshot is a cache, every load verifies its checksum, and a snapshot lost or torn by
/// a crash is rebuilt. The fsync of a 22 MB snapshot cost 50–80 ms here, more than everything else an edit does.
/// Thread-safe: each writer has its own temp file; the last rename wins.
/// </remarks>
internal static class SnapshotFile
{
    public static void Replace(string path, Action<Stream> writeContents)
    {
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        string temp = Path.Combine(directory, $".{Path.GetFileName(full)}.new_{Environment.ProcessId}_{Random.Shared.Next():x8}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 64 * 1024))
            {
                writeContents(stream);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            try
            {
                File.Delete(temp);
            }
            catch (IOException)
            {
                // The original error is the one reported; a leftover temp file is harmless.
            }

            throw;
        }
    }
}
