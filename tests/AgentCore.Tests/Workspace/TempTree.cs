namespace AgentCore.Tests.Workspace;

/// <summary>A directory tree under the temp folder, deleted on dispose.</summary>
internal sealed class TempTree : IDisposable
{
    public TempTree(string name = "proj")
    {
        Root = Path.Combine(Path.GetTempPath(), "ac-ws-" + Guid.NewGuid().ToString("N")[..8], name);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public TempTree File(string rel, string content = "x\n")
    {
        string p = Path.Combine(Root, rel);
        Directory.CreateDirectory(Path.GetDirectoryName(p)!);
        System.IO.File.WriteAllText(p, content);
        return this;
    }

    public TempTree Dir(string rel)
    {
        Directory.CreateDirectory(Path.Combine(Root, rel));
        return this;
    }

    /// <summary>The parity spec's V1-V3 tree (§1.7), a git repository.</summary>
    public static TempTree SpecTree()
    {
        var t = new TempTree();
        t.Dir(".git").File(".gitignore", "build/\n*.log\n");
        foreach (string f in new[] { "README.md", ".env", "package.json", "file2.txt", "file10.txt", "App.ts", "app.ts", "err.log" })
        {
            t.File(f);
        }

        foreach (string f in new[] { "src/index.ts", "src/components/Button.tsx", "src/utils/helper.ts", "node_modules/pkg/index.js", ".hidden/y.txt", ".hidden/inner/x.txt", "dist/out.js", "build/b.js", "temp/t.txt", "docs/README.md", "a dir/file 9.txt", "a dir/file 10.txt" })
        {
            t.File(f);
        }

        return t;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(Root)!, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
