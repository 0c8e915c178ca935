using System.Text;
using AgentCore.Conversations;

namespace AgentCore.Tests.Conversations;

public sealed class TaskStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("agentcore-store-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string TaskFile(string taskId, string name) => Path.Combine(_root, "tasks", taskId, name);

    [Fact]
    public void SaveApiMessages_ExtensionSample_RoundTripsUnchanged()
    {
        byte[] sample = ConversationTests.TestData("api_conversation_history_rich.json");
        var store = new TaskStore(_root);
        using (Conversation c = Conversation.FromJson(sample))
        {
            store.SaveApiMessages("t1", c);
        }

        Assert.Equal(sample, File.ReadAllBytes(TaskFile("t1", TaskStore.ApiHistoryFileName)));
        using Conversation back = store.ReadApiMessages("t1");
        Assert.Equal(sample, back.ToJsonBytes());
    }

    [Fact]
    public void ReadApiMessages_FileWrittenByExtension_LoadsUnchanged()
    {
        byte[] sample = ConversationTests.TestData("api_conversation_history.json");
        Directory.CreateDirectory(Path.GetDirectoryName(TaskFile("t", "x"))!);
        File.WriteAllBytes(TaskFile("t", TaskStore.ApiHistoryFileName), sample);
        using Conversation c = new TaskStore(_root).ReadApiMessages("t");
        Assert.Equal(2, c.Count);
        Assert.Equal(sample, c.ToJsonBytes());
    }

    [Fact]
    public void UiMessages_ExtensionSample_RoundTripsUnchanged()
    {
        byte[] sample = ConversationTests.TestData("ui_messages.json");
        var store = new TaskStore(_root);
        store.SaveUiMessages("t", sample);
        Assert.Equal(sample, File.ReadAllBytes(TaskFile("t", TaskStore.UiMessagesFileName)));
        Assert.Equal(sample, store.ReadUiMessages("t"));
    }

    [Fact]
    public void UiMessagesSample_ContextTokens_FromCondenseBeforeEmptyRequest()
    {
        // The last api_req_started has no figures yet (in progress): the walk goes back to the condense message.
        Assert.Equal(1200, ApiMetrics.GetContextTokens(ConversationTests.TestData("ui_messages.json")));
    }

    [Fact]
    public void ReadMissingFiles_EmptyHistoryAndUiList()
    {
        var store = new TaskStore(_root);
        using Conversation c = store.ReadApiMessages("none");
        Assert.Equal(0, c.Count);
        Assert.Equal("[]"u8.ToArray(), store.ReadUiMessages("none"));
        Assert.True(Directory.Exists(Path.Combine(_root, "tasks", "none")));
    }

    [Fact]
    public void ReadApiMessages_LegacyFile_MigratedAndDeleted()
    {
        byte[] sample = ConversationTests.TestData("api_conversation_history.json");
        Directory.CreateDirectory(Path.GetDirectoryName(TaskFile("t", "x"))!);
        File.WriteAllBytes(TaskFile("t", TaskStore.LegacyApiHistoryFileName), sample);
        using Conversation c = new TaskStore(_root).ReadApiMessages("t");
        Assert.Equal(2, c.Count);
        Assert.False(File.Exists(TaskFile("t", TaskStore.LegacyApiHistoryFileName)));
        Assert.Equal(sample, File.ReadAllBytes(TaskFile("t", TaskStore.ApiHistoryFileName)));
    }

    [Fact]
    public void ReadApiMessages_CorruptLegacyFile_KeptAndErrorNamesIt()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(TaskFile("t", "x"))!);
        string legacy = TaskFile("t", TaskStore.LegacyApiHistoryFileName);
        File.WriteAllText(legacy, "[{");
        var e = Assert.Throws<InvalidDataException>(() => new TaskStore(_root).ReadApiMessages("t"));
        Assert.Contains(legacy, e.Message);
        Assert.True(File.Exists(legacy));
    }

    [Fact]
    public void ReadApiMessages_CorruptFile_ErrorNamesFileAndSaveRefuses()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(TaskFile("t", "x"))!);
        string path = TaskFile("t", TaskStore.ApiHistoryFileName);
        File.WriteAllText(path, "[{\"role\":\"user\",");
        var store = new TaskStore(_root);
        var e = Assert.Throws<InvalidDataException>(() => store.ReadApiMessages("t"));
        Assert.Contains(path, e.Message);

        using var fresh = new Conversation();
        fresh.Append(MessageRole.User, "would overwrite");
        var refused = Assert.Throws<IOException>(() => store.SaveApiMessages("t", fresh));
        Assert.Contains(path, refused.Message);
        Assert.Equal("[{\"role\":\"user\",", File.ReadAllText(path));

        // Once the file reads again, saving is allowed.
        File.WriteAllText(path, "[]");
        using (store.ReadApiMessages("t"))
        {
        }

        store.SaveApiMessages("t", fresh);
        Assert.StartsWith("[{\"role\":\"user\"", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadUiMessages_Corrupt_ErrorNamesFileAndSaveRefuses()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(TaskFile("t", "x"))!);
        string path = TaskFile("t", TaskStore.UiMessagesFileName);
        File.WriteAllText(path, "not json");
        var store = new TaskStore(_root);
        Assert.Contains(path, Assert.Throws<InvalidDataException>(() => store.ReadUiMessages("t")).Message);
        Assert.Throws<IOException>(() => store.SaveUiMessages("t", "[]"u8));
        Assert.Equal("not json", File.ReadAllText(path));
    }

    [Fact]
    public void LoadApiHistoryFile_Missing_FileNotFoundNamingIt()
    {
        string path = Path.Combine(_root, "nope.json");
        Assert.Contains(path, Assert.Throws<FileNotFoundException>(() => TaskStore.LoadApiHistoryFile(path)).Message);
    }

    [Fact]
    public void SaveUiMessages_PrettyInput_StoredCompact()
    {
        var store = new TaskStore(_root);
        store.SaveUiMessages("t", Encoding.UTF8.GetBytes("[\n  {\"ts\": 1, \"type\": \"say\"}\n]"));
        Assert.Equal("[{\"ts\":1,\"type\":\"say\"}]", File.ReadAllText(TaskFile("t", TaskStore.UiMessagesFileName)));
    }

    [Fact]
    public void GetTaskDirectory_PathInId_Rejected()
    {
        Assert.Throws<ArgumentException>(() => new TaskStore(_root).GetTaskDirectory("../x"));
    }
}
