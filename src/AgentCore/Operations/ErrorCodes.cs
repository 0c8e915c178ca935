namespace AgentCore.Operations;

/// <summary>
/// The stable error codes of every operation. Front ends map them once: the CLI to an exit code and one stderr
/// line, the JSON-RPC server to an error object (<c>data.code</c>), the MCP server to an <c>isError</c> tool result.
/// Codes are part of the public contract: add new ones, never rename one.
/// </summary>
public static class ErrorCodes
{
    /// <summary>A request field or command-line value is missing or out of range (CLI exit 2, JSON-RPC -32602).</summary>
    public const string InvalidArgument = "invalid_argument";

    /// <summary>A named file or directory does not exist.</summary>
    public const string NotFound = "not_found";

    /// <summary>The file system refused access.</summary>
    public const string PermissionDenied = "permission_denied";

    /// <summary>A file was expected and a directory was given.</summary>
    public const string IsDirectory = "is_directory";

    /// <summary>A directory was expected and a file was given.</summary>
    public const string NotDirectory = "not_directory";

    /// <summary>An input passed a stated size cap (a line, an event, a message, a file).</summary>
    public const string TooLarge = "too_large";

    /// <summary>The input was read but is not what the operation needs (malformed JSON, wrong shape).</summary>
    public const string InvalidData = "invalid_data";

    /// <summary>A path resolves outside the workspace roots the caller opened.</summary>
    public const string OutsideWorkspace = "outside_workspace";

    /// <summary>The input is of a kind the operation does not handle (e.g. a file extension without a grammar).</summary>
    public const string Unsupported = "unsupported";

    /// <summary>A model provider answered with an error, or its stream broke off.</summary>
    public const string Provider = "provider_error";

    /// <summary>A deadline passed before the operation finished.</summary>
    public const string Timeout = "timeout";

    /// <summary>The caller cancelled the operation.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Any other input/output failure (disk full, broken device).</summary>
    public const string Io = "io_error";

    /// <summary>A defect in AgentCore itself, not caused by the input.</summary>
    public const string Internal = "internal_error";
}
