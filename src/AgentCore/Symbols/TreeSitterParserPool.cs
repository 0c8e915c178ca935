using System.Collections.Concurrent;
using static AgentCore.Symbols.TreeSitterNative;

namespace AgentCore.Symbols;

/// <summary>Parsers and query cursors for reuse across files and threads: one pair per concurrent user.</summary>
/// <remarks>A TSParser and a TSQueryCursor are not thread-safe; a rented pair belongs to one thread until returned.
/// A parser is re-targeted to another grammar by <c>ts_parser_set_language</c>, which is cheap.</remarks>
internal static class TreeSitterParserPool
{
    private static readonly ConcurrentBag<Lease> s_free = [];

    /// <summary>A parser + cursor pair.</summary>
    internal sealed class Lease
    {
        public nint Parser { get; } = ParserNew();

        public nint Cursor { get; } = QueryCursorNew();

        public nint Language { get; set; }
    }

    /// <summary>Rents a pair set to <paramref name="language"/>.</summary>
    public static Lease Rent(nint language)
    {
        if (!s_free.TryTake(out Lease? lease))
        {
            lease = new Lease();
        }

        if (lease.Language != language)
        {
            if (!ParserSetLanguage(lease.Parser, language))
            {
                s_free.Add(lease);
                throw new InvalidOperationException($"the grammar's ABI version {LanguageAbiVersion(language)} is not supported by the tree-sitter runtime");
            }

            lease.Language = language;
        }

        return lease;
    }

    /// <summary>Returns a pair for reuse.</summary>
    public static void Return(Lease lease)
    {
        ParserReset(lease.Parser);
        s_free.Add(lease);
    }
}
