namespace AgentCore.Host.Tests.Cli;

public sealed class FilesVerbTests : IDisposable
{
    private readonly string _root;

    public FilesVerbTests()
    {
        _root = Path.Combine(Path.GetTempPath(), "ac-files-" + Guid.NewGuid().ToString("N")[..8], "proj");
        Directory.CreateDirectory(Path.Combine(_root, ".git"));
        Write(".gitignore", "build/\n*.log\n");
        foreach (string f in new[] { "README.md", ".env", "package.json", "file2.txt", "file10.txt", "App.ts", "app.ts", "err.log", "src/index.ts", "src/components/Button.tsx", "src/utils/helper.ts", "node_modules/pkg/index.js", ".hidden/y.txt", ".hidden/inner/x.txt", "dist/out.js", "build/b.js", "temp/t.txt", "docs/README.md", "a dir/file 9.txt", "a dir/file 10.txt" })
        {
            Write(f, "x\n");
        }
    }

    private void Write(string rel, string text)
    {
        string p = Path.Combine(_root, rel);
        Directory.CreateDirectory(Path.GetDirectoryName(p)!);
        File.WriteAllText(p, text);
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_root)!, recursive: true);

    [Fact]
    public void Files_Recursive_PrintsReferenceListing()
    {
        ProcessResult r = AgentCoreProcess.Run(["files", "--recursive"], (string?)null, _root);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(".env\n.gitignore\napp.ts\nApp.ts\nfile2.txt\nfile10.txt\npackage.json\nREADME.md\n.hidden/\na dir/\na dir/file 9.txt\na dir/file 10.txt\ndocs/\ndocs/README.md\nsrc/\nsrc/index.ts\nsrc/components/\nsrc/components/Button.tsx\nsrc/utils/\nsrc/utils/helper.ts\n", r.StdOut);
    }

    [Fact]
    public void Files_NonRecursiveLimit_Truncates()
    {
        ProcessResult r = AgentCoreProcess.Run(["files", "--limit", "3", "."], (string?)null, _root);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(".env\n.gitignore\napp.ts\n\n(File list truncated. Use list_files on specific subdirectories if you need to explore further.)\n", r.StdOut);
    }

    [Fact]
    public void Files_RooIgnore_LocksWithShowIgnored()
    {
        Write(".rooignore", "docs/\n");
        ProcessResult r = AgentCoreProcess.Run(["files", "--show-ignored", "--root", _root, _root + "/docs"], (string?)null, _root);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("\U0001F512 README.md\n", r.StdOut);
    }

    [Fact]
    public void Files_Errors_OneLineAndExitCode()
    {
        ProcessResult missing = AgentCoreProcess.Run(["files", "nope"], (string?)null, _root);
        Assert.Equal(1, missing.ExitCode);
        Assert.Equal("agentcore files: nope: no such file or directory\n", missing.StdErr);
        ProcessResult outside = AgentCoreProcess.Run(["files", "/etc"], (string?)null, _root);
        Assert.Equal(1, outside.ExitCode);
        Assert.StartsWith("agentcore files: /etc: is outside the workspace", outside.StdErr);
        ProcessResult badLimit = AgentCoreProcess.Run(["files", "--limit", "-1"], (string?)null, _root);
        Assert.Equal(2, badLimit.ExitCode);
    }
}
