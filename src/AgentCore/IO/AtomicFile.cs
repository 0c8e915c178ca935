using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace AgentCore.IO;

/// <summary>
/// The extension's <c>safeWriteJson</c> procedure (parity spec 5.5) for any file: an inter-process lock directory
/// <c>&lt;file&gt;.lock</c> (taken over when older than 31 s, refreshed every 10 s while held, 5 retries at
/// 100–1000 ms backoff), the data written to <c>.&lt;name&gt;.new_&lt;ms&gt;_&lt;rand&gt;.tmp</c> and fsynced, the old
/// file kept as <c>.&lt;name&gt;.bak_&lt;ms&gt;_&lt;rand&gt;.tmp</c>, the directory fsynced, the temp file renamed onto
/// the target (the commit), the backup deleted; on any failure the backup is put back and the temp file removed.
/// </summary>
/// <remarks>
/// One deliberate difference: the backup is a hard link to the old file rather than a rename of it, so the target
/// path holds a complete file at every instant (the reference has a window between its two renames where a crash
/// leaves no target at all). The names, the rollback and the end state are the same. Thread-safe (the lock is
/// per file, across processes).
/// </remarks>
internal static class AtomicFile
{
    /// <summary>A lock directory older than this is considered abandoned and taken over (proper-lockfile <c>stale</c>).</summary>
    public static readonly TimeSpan StaleLockAge = TimeSpan.FromMilliseconds(31_000);

    /// <summary>How often a held lock's timestamp is refreshed (proper-lockfile <c>update</c>).</summary>
    public static readonly TimeSpan LockUpdateInterval = TimeSpan.FromMilliseconds(10_000);

    /// <summary>Retries when the lock is held by someone else, waiting 100, 200, 400, 800, 1000 ms.</summary>
    public const int LockRetries = 5;

    /// <summary>Replaces <paramref name="path"/> with <paramref name="contents"/> atomically (see the type remarks).</summary>
    /// <exception cref="IOException">The lock is held by another writer, or the file system failed; the old file is left as it was.</exception>
    public static void Write(string path, ReadOnlySpan<byte> contents)
    {
        unsafe
        {
            // SAFETY: the pointer is used only inside this call, while `contents` is pinned by the fixed block.
            fixed (byte* p = contents)
            {
                var state = (Pointer: (IntPtr)p, contents.Length);
                Write(path, stream => stream.Write(new ReadOnlySpan<byte>((byte*)state.Pointer, state.Length)));
            }
        }
    }

    /// <summary>Replaces <paramref name="path"/> with what <paramref name="writeContents"/> writes to the temp file (see the type remarks).</summary>
    /// <exception cref="IOException">The lock is held by another writer, or the file system failed; the old file is left as it was.</exception>
    public static void Write(string path, Action<Stream> writeContents)
    {
        ArgumentNullException.ThrowIfNull(writeContents);
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        string lockPath = full + ".lock";
        AcquireLock(full, lockPath);
        var refresher = new Timer(static state => TouchLock((string)state!), lockPath, LockUpdateInterval, LockUpdateInterval);
        try
        {
            WriteLocked(full, directory, writeContents);
        }
        finally
        {
            refresher.Dispose();
            try
            {
                Directory.Delete(lockPath);
            }
            catch (IOException)
            {
                // The reference logs a failed release and goes on; a leftover lock goes stale after 31 s.
            }
        }
    }

    private static void WriteLocked(string full, string directory, Action<Stream> writeContents)
    {
        string name = Path.GetFileName(full);
        string temp = Path.Combine(directory, $".{name}.new_{UnixMs()}_{RandomBase36()}.tmp");
        string? backup = null;
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 64 * 1024))
            {
                writeContents(stream);
                stream.Flush(flushToDisk: true);
            }

            if (File.Exists(full))
            {
                backup = Path.Combine(directory, $".{name}.bak_{UnixMs()}_{RandomBase36()}.tmp");
                FileLockNative.HardLink(full, backup);
            }

            FileLockNative.FlushDirectory(directory);
            File.Move(temp, full, overwrite: true); // rename(2): the commit point
            FileLockNative.FlushDirectory(directory);
        }
        catch
        {
            Rollback(full, temp, backup);
            throw;
        }

        if (backup is not null)
        {
            TryDelete(backup); // the reference only logs a failure here
        }
    }

    private static void Rollback(string full, string temp, string? backup)
    {
        if (backup is not null)
        {
            try
            {
                File.Move(backup, full, overwrite: true);
                backup = null;
            }
            catch (IOException)
            {
                // Keep going: the original error is the one reported.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        TryDelete(temp);
        if (backup is not null)
        {
            TryDelete(backup);
        }
    }

    private static void AcquireLock(string full, string lockPath)
    {
        for (int attempt = 0; ; attempt++)
        {
            if (FileLockNative.TryMakeDirectory(lockPath))
            {
                return;
            }

            DateTime modified = Directory.GetLastWriteTimeUtc(lockPath); // 1601-01-01 when it vanished meanwhile
            TimeSpan age = DateTime.UtcNow - modified;
            if (age > StaleLockAge)
            {
                try
                {
                    Directory.Delete(lockPath);
                }
                catch (DirectoryNotFoundException)
                {
                }

                attempt--; // taking over a stale lock is not a retry
                continue;
            }

            if (attempt >= LockRetries)
            {
                ThrowLocked(full, lockPath, age);
            }

            Thread.Sleep(Math.Min(100 << attempt, 1000));
        }
    }

    [DoesNotReturn]
    private static void ThrowLocked(string full, string lockPath, TimeSpan age) =>
        throw new IOException(
            $"'{full}' is locked by another writer: '{lockPath}' was updated {age.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s ago " +
            $"(a lock is taken over after {StaleLockAge.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s; remove it if no writer is running)");

    private static void TouchLock(string lockPath)
    {
        try
        {
            Directory.SetLastWriteTimeUtc(lockPath, DateTime.UtcNow);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static long UnixMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    // Math.random().toString(36).substring(2) in the reference: ~10 base-36 digits.
    private static string RandomBase36()
    {
        const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        Span<char> chars = stackalloc char[10];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = Digits[Random.Shared.Next(36)];
        }

        return new string(chars);
    }
}
