namespace AgentCore.Host.Cli;

/// <summary>Process exit codes of every verb.</summary>
internal static class ExitCodes
{
    /// <summary>The verb did its work.</summary>
    public const int Ok = 0;

    /// <summary>The input could not be processed (unreadable file, malformed data, provider error).</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong (unknown verb or option, missing or bad value).</summary>
    public const int Usage = 2;
}
