using AgentCore.Operations;
using AgentCore.Workspace;

namespace AgentCore.Tests.Workspace;

public sealed class ReadFileTests
{
    [Theory]
    [InlineData("line 1\nline 2\nline 3", 1, "1 | line 1\n2 | line 2\n3 | line 3\n")]
    [InlineData("line 1\nline 2\nline 3", 10, "10 | line 1\n11 | line 2\n12 | line 3\n")]
    [InlineData("single line", 42, "42 | single line\n")]
    [InlineData("line 1\nline 2", 99, " 99 | line 1\n100 | line 2\n")]
    [InlineData("line 1\nline 2\n", 1, "1 | line 1\n2 | line 2\n")]
    [InlineData("line 1\n\n\n\nline 2", 1, "1 | line 1\n2 | \n3 | \n4 | \n5 | line 2\n")]
    [InlineData("line 1\nline 2\n\n\n", 1, "1 | line 1\n2 | line 2\n3 | \n4 | \n")]
    [InlineData("\n\n\n", 10, "10 | \n11 | \n12 | \n")]
    [InlineData("", 1, "")]
    [InlineData("", 5, "5 | \n")]
    [InlineData("a\r\nb\r\n", 1, "1 | a\r\n2 | b\r\n")]
    [InlineData("a\nb", -1, "-1 | a\n0 | b\n")]
    [InlineData("\n", 1, "1 | \n")]
    public void AddLineNumbers_SpecVectors(string content, int start, string expected) =>
        Assert.Equal(expected, ReadFileFormatter.AddLineNumbers(content, start));

    [Theory]
    [InlineData(1)]
    [InlineData(9_990)]
    [InlineData(long.MaxValue - 2_000)]
    public void AddLineNumbers_ManyLines_SameAsSplitAndPad(long start)
    {
        string content = string.Concat(Enumerable.Range(0, 1_500).Select(i => i % 9 == 0 ? "\n" : $"line {i} é\n"));
        string[] lines = content.Split('\n')[..^1];
        int width = (start + lines.Length - 1).ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        string expected = string.Join('\n', lines.Select((l, i) => (start + i).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width) + " | " + l)) + "\n";
        Assert.Equal(expected, ReadFileFormatter.AddLineNumbers(content, start));
    }

    [Theory]
    [InlineData(new byte[] { }, false)]
    [InlineData(new byte[] { 0x68, 0x69, 0x00 }, true)]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x00 }, false)]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, true)]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x41, 0x00 }, false)]
    [InlineData(new byte[] { 0xC3, 0xA9, 0x61 }, false)]
    public void BinaryDetector_Rules(byte[] sample, bool binary) => Assert.Equal(binary, BinaryDetector.IsBinary(sample));

    private static ReadFileResult Read(string root, ReadFileRequest r) =>
        WorkspaceOperations.ReadFileAsync(r with { WorkspaceRoot = root }, CancellationToken.None).GetAwaiter().GetResult();

    [Fact]
    public void ReadClassic_SpecVectors()
    {
        using var t = new TempTree();
        t.File("test/file.txt", "Line 1\nLine 2\nLine 3\nLine 4\nLine 5").File("test/empty.txt", "").File("five.txt", "Line 1\nLine 2\nLine 3\nLine 4\nLine 5\n");
        Assert.Equal("<files>\n<file><path>test/file.txt</path>\n<content lines=\"1-5\">\n1 | Line 1\n2 | Line 2\n3 | Line 3\n4 | Line 4\n5 | Line 5\n</content>\n</file>\n</files>", Read(t.Root, new ReadFileRequest { Path = "test/file.txt" }).Output);
        Assert.Equal("<files>\n<file><path>test/empty.txt</path>\n<content/><notice>File is empty</notice>\n</file>\n</files>", Read(t.Root, new ReadFileRequest { Path = "test/empty.txt" }).Output);
        Assert.Contains("<content lines=\"2-4\">\n2 | Line 2\n3 | Line 3\n4 | Line 4\n</content>", Read(t.Root, new ReadFileRequest { Path = "five.txt", StartLine = 2, EndLine = 4 }).Output);
        Assert.Contains("<content lines=\"4-10\">\n4 | Line 4\n5 | Line 5\n</content>", Read(t.Root, new ReadFileRequest { Path = "five.txt", StartLine = 4, EndLine = 10 }).Output);
        Assert.Contains($"Line with index 7 does not exist in '{t.Root}/five.txt'. Note that line indexing is zero-based", Read(t.Root, new ReadFileRequest { Path = "five.txt", StartLine = 8, EndLine = 10 }).Output);
        Assert.Equal(ErrorCodes.InvalidArgument, Assert.Throws<OperationException>(() => Read(t.Root, new ReadFileRequest { Path = "five.txt", StartLine = 4, EndLine = 2 })).Error.Code);
    }

    [Fact]
    public void ReadSlice_SpecVectors()
    {
        using var t = new TempTree();
        t.File("ab.txt", "a\nb\n").File("ab2.txt", "a\nb").File("e.txt", "").File("eleven.txt", string.Join('\n', Enumerable.Range(1, 11).Select(i => $"l{i}"))).File("long.txt", new string('y', 2500) + "\n");
        ReadFileResult r = Read(t.Root, new ReadFileRequest { Path = "ab.txt", Mode = "slice" });
        Assert.Equal("File: ab.txt\n1 | a\n2 | b\n3 | ", r.Output);
        Assert.Equal(3, r.TotalLines);
        Assert.Equal("File: ab2.txt\n1 | a\n2 | b", Read(t.Root, new ReadFileRequest { Path = "ab2.txt", Mode = "slice" }).Output);
        Assert.Equal("File: e.txt\n1 | ", Read(t.Root, new ReadFileRequest { Path = "e.txt", Mode = "slice" }).Output);
        Assert.Equal("File: eleven.txt\nIMPORTANT: File content truncated.\n\tStatus: Showing lines 1-9 of 11 total lines.\n\tTo read more: Use the read_file tool with offset=10 and limit=9.\n\t\n\t" + string.Join('\n', Enumerable.Range(1, 9).Select(i => $"{i} | l{i}")),
            Read(t.Root, new ReadFileRequest { Path = "eleven.txt", Mode = "slice", Limit = 9 }).Output);
        Assert.Equal("File: ab.txt\nError: offset 5 is beyond file end (3 lines)", Read(t.Root, new ReadFileRequest { Path = "ab.txt", Mode = "slice", Offset = 6 }).Output);
        Assert.Equal("File: long.txt\n1 | " + new string('y', 1997) + "...\n2 | ", Read(t.Root, new ReadFileRequest { Path = "long.txt", Mode = "slice" }).Output);
    }

    [Fact]
    public void Read_BinaryOutsideAndDevZero_BoundedAndClear()
    {
        using var t = new TempTree();
        t.File("img.png", "\0\0\0binary");
        Assert.Contains("<binary_file format=\"png\">Binary file - content not displayed</binary_file>", Read(t.Root, new ReadFileRequest { Path = "img.png" }).Output);
        Assert.Equal(ErrorCodes.OutsideWorkspace, Assert.Throws<OperationException>(() => Read(t.Root, new ReadFileRequest { Path = "../x" })).Error.Code);
        if (File.Exists("/dev/zero"))
        {
            Assert.True(Read(t.Root, new ReadFileRequest { Path = "/dev/zero", AllowOutsideWorkspace = true }).IsBinary);
        }
    }

    [Fact]
    public void ReadClassic_LargeFile_PreviewWithBoundedMemory()
    {
        using var t = new TempTree();
        string path = Path.Combine(t.Root, "big.txt");
        using (var w = new StreamWriter(path))
        {
            for (int i = 0; i < 700_000; i++)
            {
                w.Write("0123456789\n");
            }
        }

        ReadFileResult r = Read(t.Root, new ReadFileRequest { Path = "big.txt" });
        Assert.Contains("<notice>Preview: Showing first 0.1MB of 7.34MB file. Use line_range to read specific sections.</notice>", r.Output);
        Assert.Equal(700_000, r.TotalLines);
        Assert.True(r.Output.Length < 200 * 1024, $"output {r.Output.Length} chars"); // the 100 KB preview, not the 7 MB file
    }
}
