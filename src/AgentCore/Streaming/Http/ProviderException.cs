using System.Net;

namespace AgentCore.Streaming.Http;

/// <summary>A provider request that failed before its stream started: an HTTP error status, a timeout or a connection failure.</summary>
public sealed class ProviderException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ProviderException(string message, HttpStatusCode? statusCode = null, Exception? inner = null)
        : base(message, inner) => StatusCode = statusCode;

    /// <summary>Creates the exception.</summary>
    public ProviderException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ProviderException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ProviderException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>The HTTP status, when the provider answered.</summary>
    public HttpStatusCode? StatusCode { get; }
}
