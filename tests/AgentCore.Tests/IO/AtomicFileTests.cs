using AgentCore.IO;

namespace AgentCore.Tests.IO;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agentcore-atomic-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Write_NewAndExisting_ReplacesAndLeavesNoSideFiles()
    {
        string path = Path.Combine(_dir, "sub", "f.json");
        AtomicFile.Write(path, "[1]"u8);
        AtomicFile.Write(path, "[2]"u8);
        Assert.Equal("[2]", File.ReadAllText(path));
        Assert.Equal(["f.json"], Directory.GetFileSystemEntries(Path.Combine(_dir, "sub")).Select(Path.GetFileName));
    }

    [Fact]
    public void Write_StaleLockDirectory_TakenOver()
    {
        string path = Path.Combine(_dir, "f.json");
        Directory.CreateDirectory(path + ".lock");
        Directory.SetLastWriteTimeUtc(path + ".lock", DateTime.UtcNow.AddSeconds(-40));
        AtomicFile.Write(path, "[1]"u8);
        Assert.Equal("[1]", File.ReadAllText(path));
        Assert.False(Directory.Exists(path + ".lock"));
    }

    [Fact]
    public void Write_FreshLockHeldByOther_FailsNamingFileAndKeepsOldContent()
    {
        string path = Path.Combine(_dir, "f.json");
        AtomicFile.Write(path, "[1]"u8);
        Directory.CreateDirectory(path + ".lock");
        var e = Assert.Throws<IOException>(() => AtomicFile.Write(path, "[2]"u8));
        Assert.Contains(path, e.Message);
        Assert.Equal("[1]", File.ReadAllText(path));
        Assert.True(Directory.Exists(path + ".lock")); // not ours: left alone
    }

    [Fact]
    public void Write_TargetIsDirectory_RollsBackAndRemovesTemp()
    {
        string path = Path.Combine(_dir, "d");
        Directory.CreateDirectory(path);
        Assert.ThrowsAny<IOException>(() => AtomicFile.Write(path, "[1]"u8));
        Assert.Equal(["d"], Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName));
    }
}
