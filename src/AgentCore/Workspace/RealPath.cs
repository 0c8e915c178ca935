using System.Runtime.InteropServices;

namespace AgentCore.Workspace;

/// <summary><c>realpath(3)</c>: the canonical path with every symlink resolved (Node's <c>fs.realpathSync</c>).</summary>
internal static unsafe partial class RealPath
{
    /// <summary>The canonical form of <paramref name="path"/>, or null when it does not exist or cannot be resolved.</summary>
    public static string? TryResolve(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            try
            {
                FileSystemInfo? target = File.Exists(path) ? File.ResolveLinkTarget(path, true) : Directory.Exists(path) ? Directory.ResolveLinkTarget(path, true) : null;
                return Path.Exists(path) ? Path.GetFullPath(target?.FullName ?? path) : null;
            }
            catch (IOException)
            {
                return null;
            }
        }

        IntPtr p = NativeRealPath(path, IntPtr.Zero);
        if (p == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(p);
        }
        finally
        {
            NativeMemory.Free((void*)p);
        }
    }

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr NativeRealPath(string path, IntPtr resolved);
}
