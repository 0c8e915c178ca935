using System.Buffers;
using System.Text.Json;
using AgentCore.Json;
using AgentCore.IO;

namespace AgentCore.Conversations;

/// <summary>
/// A task's files in the extension's layout (parity spec 5): <c>&lt;storage&gt;/tasks/&lt;taskId&gt;/api_conversation_history.json</c>
/// and <c>ui_messages.json</c>, compact JSON in the reference's shapes, written with <see cref="AtomicFile"/>.
/// </summary>
/// <remarks>
/// Reading follows the reference: a missing API history falls back to the legacy <c>claude_messages.json</c>
/// (migrated: written as <c>api_conversation_history.json</c>, then deleted) and else to an empty history; a
/// missing UI file is an empty list. A file that exists but cannot be parsed is an error naming the file, and
/// from then on this store refuses to overwrite that file (so a save never destroys history it could not read)
/// until a later read of it succeeds. Thread-safe.
/// </remarks>
public sealed class TaskStore
{
    /// <summary>API history file name.</summary>
    public const string ApiHistoryFileName = "api_conversation_history.json";

    /// <summary>UI messages file name.</summary>
    public const string UiMessagesFileName = "ui_messages.json";

    /// <summary>Legacy API history file name (migrated on read).</summary>
    public const string LegacyApiHistoryFileName = "claude_messages.json";

    private readonly UnreadableFiles _unreadable = new();

    /// <summary>A store rooted at <paramref name="storagePath"/> (the extension's global storage or custom storage path).</summary>
    public TaskStore(string storagePath) => StoragePath = Path.GetFullPath(storagePath);

    /// <summary>The storage root; tasks live in its <c>tasks</c> folder.</summary>
    public string StoragePath { get; }

    /// <summary><c>&lt;storage&gt;/tasks/&lt;taskId&gt;</c>, created if missing (the reference creates it on every access).</summary>
    public string GetTaskDirectory(string taskId)
    {
        ArgumentException.ThrowIfNullOrEmpty(taskId);
        if (taskId.AsSpan().IndexOfAny(['/', '\\']) >= 0 || taskId is "." or "..")
        {
            throw new ArgumentException($"task id '{taskId}' is not a plain folder name", nameof(taskId));
        }

        string dir = Path.Combine(StoragePath, "tasks", taskId);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Reads the task's API history (with the legacy migration); empty when neither file exists.</summary>
    /// <exception cref="InvalidDataException">A file exists but is not a JSON array; the message names it.</exception>
    public Conversation ReadApiMessages(string taskId, ConversationOptions? options = null)
    {
        string dir = GetTaskDirectory(taskId);
        string path = Path.Combine(dir, ApiHistoryFileName);
        if (File.Exists(path))
        {
            return _unreadable.Track(path, () => LoadApiHistoryFile(path, options));
        }

        string legacy = Path.Combine(dir, LegacyApiHistoryFileName);
        if (File.Exists(legacy))
        {
            Conversation migrated = _unreadable.Track(path, () => LoadApiHistoryFile(legacy, options));

            // Safer order than the reference (which deletes the legacy file and saves later): the history is on disk
            // under its new name before the old name goes.
            SaveApiMessages(taskId, migrated);
            File.Delete(legacy);
            return migrated;
        }

        return new Conversation(options);
    }

    /// <summary>Writes the task's API history atomically.</summary>
    /// <exception cref="IOException">The write failed (the old file is intact), or reading this file failed earlier.</exception>
    public void SaveApiMessages(string taskId, Conversation conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        string path = Path.Combine(GetTaskDirectory(taskId), ApiHistoryFileName);
        _unreadable.EnsureWritable(path);
        AtomicFile.Write(path, conversation.WriteJson);
    }

    /// <summary>Reads the task's UI messages as compact JSON (<c>[]</c> when the file is missing).</summary>
    /// <exception cref="InvalidDataException">The file is not a JSON array; the message names it.</exception>
    public byte[] ReadUiMessages(string taskId)
    {
        string path = Path.Combine(GetTaskDirectory(taskId), UiMessagesFileName);
        return File.Exists(path) ? _unreadable.Track(path, () => LoadJsonArrayFile(path)) : "[]"u8.ToArray();
    }

    /// <summary>Writes the task's UI messages (a JSON array, stored compact as JSON.stringify writes it) atomically.</summary>
    /// <exception cref="InvalidDataException"><paramref name="uiMessagesJson"/> is not a JSON array.</exception>
    public void SaveUiMessages(string taskId, ReadOnlySpan<byte> uiMessagesJson)
    {
        byte[] compact = CanonicalArray(uiMessagesJson);
        string path = Path.Combine(GetTaskDirectory(taskId), UiMessagesFileName);
        _unreadable.EnsureWritable(path);
        AtomicFile.Write(path, compact);
    }

    /// <summary>Reads an <c>api_conversation_history.json</c> (or legacy) file; nothing is created or deleted.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a JSON array; the message names it.</exception>
    public static Conversation LoadApiHistoryFile(string path, ConversationOptions? options = null)
    {
        byte[] bytes = ReadAllBytes(path);
        try
        {
            return Conversation.FromJson(bytes, options);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Reads a JSON array file (e.g. <c>ui_messages.json</c>) and returns it compact, as JSON.stringify would write it.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a JSON array; the message names it.</exception>
    public static byte[] LoadJsonArrayFile(string path)
    {
        byte[] bytes = ReadAllBytes(path);
        try
        {
            return CanonicalArray(bytes);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>
    /// The API history of a task folder, read-only: <c>api_conversation_history.json</c>, else the legacy
    /// <c>claude_messages.json</c> (not migrated, nothing deleted).
    /// </summary>
    /// <exception cref="FileNotFoundException">Neither file exists.</exception>
    /// <exception cref="InvalidDataException">The file is not a JSON array; the message names it.</exception>
    public static Conversation LoadTaskFolderHistory(string taskDirectory, ConversationOptions? options = null)
    {
        string path = Path.Combine(taskDirectory, ApiHistoryFileName);
        if (!File.Exists(path))
        {
            string legacy = Path.Combine(taskDirectory, LegacyApiHistoryFileName);
            if (!File.Exists(legacy))
            {
                throw new FileNotFoundException($"{path}: no such file (nor a legacy {LegacyApiHistoryFileName})", path);
            }

            path = legacy;
        }

        return LoadApiHistoryFile(path, options);
    }

    /// <summary>
    /// The task's <c>contextTokens</c> as the extension computes it from <c>ui_messages.json</c>
    /// (<see cref="ApiMetrics.GetContextTokens"/>); 0 when the file is missing (the reference reads it as <c>[]</c>).
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a JSON array; the message names it.</exception>
    public static double LoadTaskContextTokens(string taskDirectory)
    {
        string path = Path.Combine(taskDirectory, UiMessagesFileName);
        if (!File.Exists(path))
        {
            return 0;
        }

        try
        {
            return ApiMetrics.GetContextTokens(ReadAllBytes(path));
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    private static byte[] ReadAllBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (FileNotFoundException e)
        {
            throw new FileNotFoundException($"{path}: no such file", path, e);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new FileNotFoundException($"{path}: no such file", path, e);
        }
    }

    private static byte[] CanonicalArray(ReadOnlySpan<byte> json)
    {
        var buffer = new ArrayBufferWriter<byte>(Math.Max(16, json.Length));
        try
        {
            var reader = new Utf8JsonReader(json, JsonReading.Options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                throw new InvalidDataException("expected a JSON array");
            }

            JsonCanonicalizer.WriteValue(ref reader, new JsJsonWriter(buffer));
            if (reader.Read())
            {
                throw new InvalidDataException("unexpected data after the JSON array");
            }
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"invalid JSON ({e.Message})", e);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
