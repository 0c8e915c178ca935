using AgentCore.Operations;
using AgentCore.Workspace;

namespace AgentCore.Tests.Workspace;

public sealed class ListFilesTests
{
    private static ListFilesResult List(string root, string path, bool recursive, int limit = 200) =>
        WorkspaceOperations.ListFilesAsync(new ListFilesRequest { Path = path, Recursive = recursive, Limit = limit, WorkspaceRoot = root }, CancellationToken.None).GetAwaiter().GetResult();

    [Fact]
    public void ListFiles_V1Recursive_MatchesReference()
    {
        using TempTree t = TempTree.SpecTree();
        ListFilesResult r = List(t.Root, ".", true);
        Assert.False(r.DidHitLimit);
        string p = t.Root;
        Assert.Equal(new[]
        {
            $"{p}/.hidden/", $"{p}/a dir/", $"{p}/docs/", $"{p}/src/", $"{p}/src/components/", $"{p}/src/utils/", $"{p}/.env", $"{p}/.gitignore",
            $"{p}/a dir/file 10.txt", $"{p}/a dir/file 9.txt", $"{p}/app.ts", $"{p}/App.ts", $"{p}/docs/README.md", $"{p}/file10.txt", $"{p}/file2.txt",
            $"{p}/package.json", $"{p}/README.md", $"{p}/src/components/Button.tsx", $"{p}/src/index.ts", $"{p}/src/utils/helper.ts",
        }, r.Paths);
        Assert.Equal(".env\n.gitignore\napp.ts\nApp.ts\nfile2.txt\nfile10.txt\npackage.json\nREADME.md\n.hidden/\na dir/\na dir/file 9.txt\na dir/file 10.txt\ndocs/\ndocs/README.md\nsrc/\nsrc/index.ts\nsrc/components/\nsrc/components/Button.tsx\nsrc/utils/\nsrc/utils/helper.ts", r.Output);
    }

    [Fact]
    public void ListFiles_V2NonRecursive_ListsGitignoredFiles()
    {
        using TempTree t = TempTree.SpecTree();
        Assert.Equal(".env\n.gitignore\napp.ts\nApp.ts\nerr.log\nfile2.txt\nfile10.txt\npackage.json\nREADME.md\n.hidden/\na dir/\ndocs/\nsrc/", List(t.Root, ".", false).Output);
    }

    [Fact]
    public void ListFiles_V3Limits_TruncateAndRepairFirstLevel()
    {
        using TempTree t = TempTree.SpecTree();
        ListFilesResult nr = List(t.Root, ".", false, 3);
        Assert.True(nr.DidHitLimit);
        Assert.Equal(3, nr.Paths.Count);
        Assert.All(nr.Paths, x => Assert.False(x.EndsWith('/')));
        Assert.EndsWith(FilesListFormatter.TruncatedNotice, nr.Output);

        ListFilesResult rec = List(t.Root, ".", true, 5);
        Assert.True(rec.DidHitLimit);
        Assert.Equal(5, rec.Paths.Count);
        foreach (string d in new[] { ".hidden/", "a dir/", "docs/", "src/" })
        {
            Assert.Contains(t.Root + "/" + d, rec.Paths);
        }
    }

    [Fact]
    public void ListFiles_V4TargetedDirectories()
    {
        using TempTree t = TempTree.SpecTree();
        t.Dir("empty");
        Assert.Equal("y.txt\ninner/\ninner/x.txt", List(t.Root, ".hidden", true).Output);
        Assert.Equal("t.txt", List(t.Root, "temp", true).Output);
        ListFilesResult empty = List(t.Root, "empty", true);
        Assert.Empty(empty.Paths);
        Assert.Equal("No files found.", empty.Output);
        Assert.Empty(List(t.Root, ".", true, 0).Paths);
    }

    [Fact]
    public void ListFiles_V5BuildAndTarget_FilesListedDirectoriesNot()
    {
        using var t = new TempTree();
        t.File("build/x.js").File("build/sub/y.js").File("target/release/z.rs").File("src/main.rs").File("src/out/o.js").File("lib/l.js");
        Assert.Equal("build/x.js\nbuild/sub/y.js\nlib/\nlib/l.js\nsrc/\nsrc/main.rs\ntarget/release/z.rs", List(t.Root, ".", true).Output);
        Assert.Equal("lib/\nsrc/", List(t.Root, ".", false).Output);
    }

    [Fact]
    public void ListFiles_NestedGitignoreNegationAndExclude()
    {
        using var t = new TempTree();
        t.Dir(".git").File(".git/info/exclude", "excluded.txt\n").File(".gitignore", "*.gen\n!keep.gen\n/anchored.txt\n");
        t.File("a.gen").File("keep.gen").File("anchored.txt").File("excluded.txt").File("sub/anchored.txt").File("sub/.gitignore", "!a.gen\nlocal/\n").File("sub/a.gen").File("sub/local/x.txt").File("sub/b.txt");
        ListFilesResult r = List(t.Root, ".", true);
        // sub/local/ is listed: the directory scan reads no .gitignore below the listed directory (reference quirk, §1.2 step 5).
        Assert.Equal(".gitignore\nkeep.gen\nsub/\nsub/.gitignore\nsub/a.gen\nsub/anchored.txt\nsub/b.txt\nsub/local/", r.Output);
    }

    [Fact]
    public void ListFiles_GitignoreOutsideRepository_NotAppliedToFiles()
    {
        using var t = new TempTree();
        t.File(".gitignore", "*.log\n").File("a.log").File("b.txt");
        Assert.Equal(".gitignore\na.log\nb.txt", List(t.Root, ".", true).Output);
    }

    [Fact]
    public void ListDeferred_NotTruncated_SortedWhenRead()
    {
        using TempTree t = TempTree.SpecTree();
        (IReadOnlyList<string> deferred, bool hit, _) = FileLister.ListDeferred(t.Root, recursive: true, limit: 200, CancellationToken.None);
        Assert.False(hit);
        CombinedPaths combined = Assert.IsType<CombinedPaths>(deferred);
        (List<string> sorted, _, _) = FileLister.List(t.Root, recursive: true, limit: 200, CancellationToken.None);
        Assert.Equal(sorted.Order(StringComparer.Ordinal), combined.Unordered.Order(StringComparer.Ordinal));
        Assert.Equal(sorted, combined);
        Assert.Equal(sorted.Count, combined.Count);
        Assert.Equal(sorted[3], combined[3]);

        // A truncated listing is sorted at once: the order decides which entries are kept.
        (IReadOnlyList<string> cut, bool cutHit, _) = FileLister.ListDeferred(t.Root, recursive: true, limit: 5, CancellationToken.None);
        Assert.True(cutHit);
        Assert.IsType<List<string>>(cut);
    }

    [Fact]
    public void ListFiles_DirectoryTheWalkSkips_ScannedByItself()
    {
        // rg skips skipme/ (.ignore); the directory scan only knows .gitignore, so it lists skipme/ and what is below
        // it from its own readdir, while keep/ comes from the walk's listing.
        using var t = new TempTree();
        t.File(".ignore", "skipme/\n").File("a.txt").File("skipme/inner/f.txt").File("keep/sub/g.txt").Dir("skipme/inner/deep");
        ListFilesResult r = List(t.Root, ".", true);
        Assert.Equal(".ignore\na.txt\nkeep/\nkeep/sub/\nkeep/sub/g.txt\nskipme/\nskipme/inner/\nskipme/inner/deep/", r.Output);
        string p = t.Root;
        Assert.Equal([$"{p}/keep/", $"{p}/keep/sub/", $"{p}/skipme/", $"{p}/skipme/inner/", $"{p}/skipme/inner/deep/", $"{p}/.ignore", $"{p}/a.txt", $"{p}/keep/sub/g.txt"], r.Paths);
        Assert.Equal(".ignore\nkeep/\nskipme/" + FilesListFormatter.TruncatedNotice, List(t.Root, ".", true, 3).Output);
    }

    [Fact]
    public void ListFiles_SymlinkLoop_FollowedOnceAndReported()
    {
        using var t = new TempTree();
        t.File("d/x.txt");
        Directory.CreateSymbolicLink(Path.Combine(t.Root, "d", "loop"), t.Root);
        File.CreateSymbolicLink(Path.Combine(t.Root, "link.txt"), Path.Combine(t.Root, "d", "x.txt"));
        ListFilesResult r = List(t.Root, ".", true);
        Assert.Equal("link.txt\nd/\nd/x.txt", r.Output);
        Assert.Contains(r.Skipped, s => s.Reason == "file system loop");
    }

    [Fact]
    public void ListFiles_OutsideWorkspace_Refused()
    {
        using TempTree t = TempTree.SpecTree();
        OperationException e = Assert.Throws<OperationException>(() => List(t.Root, "..", false));
        Assert.Equal(ErrorCodes.OutsideWorkspace, e.Error.Code);
        Directory.CreateSymbolicLink(Path.Combine(t.Root, "out-link"), Path.GetTempPath());
        Assert.Equal(ErrorCodes.OutsideWorkspace, Assert.Throws<OperationException>(() => List(t.Root, "out-link", false)).Error.Code);
        Assert.Equal(ErrorCodes.NotFound, Assert.Throws<OperationException>(() => List(t.Root, "missing", false)).Error.Code);
    }

    [Fact]
    public async Task ListFiles_RootAndHome_Refused()
    {
        ListFilesResult r = await WorkspaceOperations.ListFilesAsync(new ListFilesRequest { Path = "/", AllowOutsideWorkspace = true }, CancellationToken.None);
        Assert.Equal(["/"], r.Paths);
        Assert.Equal("/", r.Output);
        string home = Environment.GetEnvironmentVariable("HOME")!;
        ListFilesResult h = await WorkspaceOperations.ListFilesAsync(new ListFilesRequest { Path = home, AllowOutsideWorkspace = true, Recursive = true }, CancellationToken.None);
        Assert.Single(h.Paths);
        Assert.Equal("No files found.", h.Output);
    }

    [Theory]
    [InlineData("/test/.hidden/", true)]
    [InlineData("/test//.hidden", true)]
    [InlineData("/test//normal/.hidden//subdir/", true)]
    [InlineData("/test/file.with.dots/normal", false)]
    [InlineData("/test/.roo/temp", true)]
    [InlineData("/test/temp", true)]
    public void RipgrepOptions_HiddenOrIgnoredTarget_DropsIgnoreFiles(string dir, bool noIgnore) =>
        Assert.Equal(!noIgnore, FileLister.RipgrepOptions(dir, recursive: true).UseIgnoreFiles);
}
