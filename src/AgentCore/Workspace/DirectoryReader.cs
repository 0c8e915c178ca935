using System.IO.Enumeration;
using System.Runtime.InteropServices;
using System.Text;

namespace AgentCore.Workspace;

/// <summary>
/// Reads one directory's entries with their types from the directory listing itself: on Linux through libc
/// <c>opendir</c>/<c>readdir</c> (getdents64 underneath, <c>d_type</c> per entry, no stat), elsewhere through
/// <see cref="FileSystemEnumerable{T}"/>. A stat happens only for symbolic links (to learn the target's kind) and
/// for file systems that do not report <c>d_type</c>.
/// </summary>
/// <remarks>
/// Measured on the 50,651-file benchmark tree: <see cref="FileSystemEntry.Attributes"/> costs an lstat and a geteuid
/// per entry on Unix (102,000 system calls), which this path avoids.
/// </remarks>
internal static partial class DirectoryReader
{
    private const byte DtUnknown = 0;
    private const byte DtDir = 4;
    private const byte DtLnk = 10;

    private static readonly EnumerationOptions s_enumeration = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    /// <summary>
    /// Adds the entries of <paramref name="dir"/> to <paramref name="entries"/>; returns null, or why the directory could
    /// not be read. Each entry's path is built once, straight from the name's bytes (no name string plus a concatenation).
    /// </summary>
    public static string? Read(string dir, List<DirEntry> entries) => UsesLibc ? ReadLinux(dir, entries) : ReadPortable(dir, entries);

    /// <summary>Whether <c>readdir</c>'s <c>struct dirent</c> has the layout read below (glibc, LP64 Linux).</summary>
    private static bool UsesLibc => OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is (Architecture.X64 or Architecture.Arm64);

    /// <summary>
    /// Adds the names of the real subdirectories of <paramref name="dir"/> (not symbolic links) to
    /// <paramref name="names"/>, in directory order; returns null, or why the directory could not be read. Other
    /// entries are passed over without decoding their names, and links without a stat.
    /// </summary>
    public static unsafe string? ReadDirectoryNames(string dir, List<string> names)
    {
        if (!UsesLibc)
        {
            var entries = new List<DirEntry>();
            string? error = ReadPortable(dir, entries);
            foreach (DirEntry e in entries)
            {
                if (e.IsDirectory && !e.IsLink)
                {
                    names.Add(e.Name.ToString());
                }
            }

            return error;
        }

        IntPtr handle = OpenDir(dir);
        if (handle == IntPtr.Zero)
        {
            return ErrorText(Marshal.GetLastPInvokeError());
        }

        try
        {
            string prefix = dir == "/" ? "/" : dir + "/";
            while (NextEntry(handle, out byte type, out byte* name, out int len))
            {
                if (type != DtDir && type != DtUnknown)
                {
                    continue;
                }

                string n = Encoding.UTF8.GetString(name, len);
                if (type == DtUnknown)
                {
                    FileAttributes? a = TryAttributes(prefix + n);
                    if (a is not { } at || (at & FileAttributes.ReparsePoint) != 0 || (at & FileAttributes.Directory) == 0)
                    {
                        continue;
                    }
                }

                names.Add(n);
            }

            return null;
        }
        finally
        {
            _ = CloseDir(handle);
        }
    }

    private static string ErrorText(int errno) => errno == 13 ? "permission denied" : errno == 2 ? "no such directory" : "cannot read directory";

    private static unsafe string? ReadLinux(string dir, List<DirEntry> entries)
    {
        IntPtr handle = OpenDir(dir);
        if (handle == IntPtr.Zero)
        {
            return ErrorText(Marshal.GetLastPInvokeError());
        }

        try
        {
            string prefix = dir == "/" ? "/" : dir + "/";
            while (NextEntry(handle, out byte type, out byte* name, out int len))
            {
                string full = Join(prefix, new ReadOnlySpan<byte>(name, len));
                bool isLink = type == DtLnk;
                bool isDir = type == DtDir;
                if (type == DtUnknown || isLink)
                {
                    if (type == DtUnknown)
                    {
                        FileAttributes? a = TryAttributes(full);
                        isLink = a is { } at && (at & FileAttributes.ReparsePoint) != 0;
                        isDir = a is { } ad && (ad & FileAttributes.Directory) != 0;
                    }

                    if (isLink)
                    {
                        isDir = Directory.Exists(full);
                    }
                }

                entries.Add(new DirEntry(full, prefix.Length, isDir, isLink));
            }

            return null;
        }
        finally
        {
            _ = CloseDir(handle);
        }
    }

    /// <summary><paramref name="prefix"/> followed by the UTF-8 <paramref name="name"/> decoded as <see cref="Encoding.GetString(byte*, int)"/> does, in one string.</summary>
    private static unsafe string Join(string prefix, ReadOnlySpan<byte> name)
    {
        int chars = System.Text.Ascii.IsValid(name) ? name.Length : Encoding.UTF8.GetCharCount(name);
        fixed (byte* bytes = name)
        {
            return string.Create(prefix.Length + chars, (prefix, (IntPtr)bytes, name.Length), static (span, state) =>
            {
                state.prefix.CopyTo(span);
                // SAFETY: the bytes are the readdir entry's name, valid until the next readdir call, which happens after Join returns.
                _ = Encoding.UTF8.GetChars(new ReadOnlySpan<byte>((byte*)state.Item2, state.Item3), span[state.prefix.Length..]);
            });
        }
    }

    /// <summary>The next entry of an open directory other than <c>.</c> and <c>..</c>: its <c>d_type</c> and name bytes; false at the end.</summary>
    private static unsafe bool NextEntry(IntPtr handle, out byte type, out byte* name, out int length)
    {
        while (true)
        {
            IntPtr ent = ReadDir(handle);
            if (ent == IntPtr.Zero)
            {
                type = 0;
                name = null;
                length = 0;
                return false;
            }

            // SAFETY: glibc's struct dirent on LP64 Linux (UsesLibc): d_ino (8), d_off (8), d_reclen (2), d_type (1), d_name (NUL-terminated).
            byte* p = (byte*)ent;
            type = p[18];
            name = p + 19;
            length = new ReadOnlySpan<byte>(name, 256).IndexOf((byte)0);
            if (!(length == 1 && name[0] == '.') && !(length == 2 && name[0] == '.' && name[1] == '.'))
            {
                return true;
            }
        }
    }

    private static FileAttributes? TryAttributes(string path)
    {
        try
        {
            return File.GetAttributes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? ReadPortable(string dir, List<DirEntry> entries)
    {
        try
        {
            var listing = new FileSystemEnumerable<(string Name, bool IsDirectory, bool IsLink)>(dir, static (ref FileSystemEntry e) =>
                (e.FileName.ToString(), e.IsDirectory, (e.Attributes & FileAttributes.ReparsePoint) != 0), s_enumeration);
            string prefix = dir == "/" ? "/" : dir + "/";
            foreach ((string name, bool isDirectory, bool isLink) in listing)
            {
                entries.Add(new DirEntry(prefix + name, prefix.Length, isDirectory, isLink));
            }

            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return "permission denied";
        }
        catch (IOException)
        {
            return "cannot read directory";
        }
    }

    [LibraryImport("libc", EntryPoint = "opendir", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial IntPtr OpenDir(string path);

    [LibraryImport("libc", EntryPoint = "readdir")]
    private static partial IntPtr ReadDir(IntPtr dir);

    [LibraryImport("libc", EntryPoint = "closedir")]
    private static partial int CloseDir(IntPtr dir);
}

/// <summary>One directory entry: its path (the directory's path, <c>/</c>, the name), where the name starts, whether it is (or links to) a directory, and whether it is a symbolic link.</summary>
internal readonly record struct DirEntry(string Path, int NameStart, bool IsDirectory, bool IsLink)
{
    /// <summary>The entry's name.</summary>
    public ReadOnlySpan<char> Name => Path.AsSpan(NameStart);
}
