namespace AgentCore.Host.Cli;

/// <summary>Process exit codes of every verb (listed in <c>agentcore --help</c> and the README).</summary>
internal static class ExitCodes
{
    /// <summary>The verb did its work; also when the reader of stdout went away (a closed pipe ends the work quietly, as in ripgrep).</summary>
    public const int Ok = 0;

    /// <summary>The input could not be processed (unreadable file, malformed data, provider error, failed write to stdout).</summary>
    public const int Failure = 1;

    /// <summary>The command line or a request value was wrong (unknown verb or option, missing or bad value, empty path).</summary>
    public const int Usage = 2;

    /// <summary>Cancelled by Ctrl-C (SIGINT): 128 + 2, as shells report it.</summary>
    public const int Cancelled = 130;
}
