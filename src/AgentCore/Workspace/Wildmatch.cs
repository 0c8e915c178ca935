namespace AgentCore.Workspace;

/// <summary>
/// git's <c>wildmatch</c> (wildmatch.c <c>dowild</c>): the glob dialect of <c>.gitignore</c>. With
/// <see cref="WildmatchFlags.PathName"/> <c>*</c>, <c>?</c> and classes never match <c>/</c>, and <c>**</c> between
/// slashes matches any number of directories; without it <c>*</c> matches across slashes. Proven against git's own
/// t3070 table (tests/AgentCore.Tests/Workspace/TestData/wildmatch-t3070.tsv).
/// </summary>
/// <remarks>
/// Works on UTF-16 code units where git works on bytes; the character classes (<c>[:alpha:]</c>, ...) are ASCII as in
/// git. Recursion depth is bounded by the number of <c>*</c> in the pattern. Thread-safe (no state).
/// </remarks>
internal static class Wildmatch
{
    private const int Match = 0;
    private const int NoMatch = 1;
    private const int AbortAll = -1;
    private const int AbortToStarStar = -2;

    /// <summary>True when <paramref name="text"/> matches <paramref name="pattern"/>.</summary>
    public static bool IsMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text, WildmatchFlags flags = WildmatchFlags.PathName) =>
        DoWild(pattern, 0, text, 0, flags) == Match;

    private static char At(ReadOnlySpan<char> s, int i) => i < s.Length ? s[i] : '\0';

    private static bool IsUpper(char c) => c is >= 'A' and <= 'Z';

    private static bool IsLower(char c) => c is >= 'a' and <= 'z';

    private static char ToLower(char c) => IsUpper(c) ? (char)(c + 32) : c;

    private static bool IsGlobSpecial(char c) => c is '*' or '?' or '[' or '\\';

    private static int DoWild(ReadOnlySpan<char> pat, int p, ReadOnlySpan<char> text, int t, WildmatchFlags flags)
    {
        bool fold = (flags & WildmatchFlags.CaseFold) != 0;
        bool pathName = (flags & WildmatchFlags.PathName) != 0;
        for (; p < pat.Length; t++, p++)
        {
            char pCh = pat[p];
            char tCh = At(text, t);
            if (t >= text.Length && pCh != '*')
            {
                return AbortAll;
            }

            if (fold)
            {
                tCh = ToLower(tCh);
                pCh = ToLower(pCh);
            }

            switch (pCh)
            {
                case '\\':
                    pCh = At(pat, ++p); // git compares the escaped character unfolded
                    if (tCh != pCh || p >= pat.Length)
                    {
                        return NoMatch;
                    }

                    continue;
                default:
                    if (tCh != pCh)
                    {
                        return NoMatch;
                    }

                    continue;
                case '?':
                    if (pathName && tCh == '/')
                    {
                        return NoMatch;
                    }

                    continue;
                case '*':
                {
                    bool matchSlash;
                    if (At(pat, ++p) == '*')
                    {
                        int prevP = p - 2;
                        while (At(pat, ++p) == '*')
                        {
                        }

                        char next = At(pat, p);
                        if (!pathName)
                        {
                            matchSlash = true; // without PathName, '*' == '**'
                        }
                        else if ((prevP < 0 || pat[prevP] == '/') &&
                            (p >= pat.Length || next == '/' || (next == '\\' && At(pat, p + 1) == '/')))
                        {
                            if (next == '/' && DoWild(pat, p + 1, text, t, flags) == Match)
                            {
                                return Match;
                            }

                            matchSlash = true;
                        }
                        else
                        {
                            matchSlash = false;
                        }
                    }
                    else
                    {
                        matchSlash = !pathName;
                    }

                    if (p >= pat.Length)
                    {
                        if (!matchSlash && text[t..].Contains('/'))
                        {
                            return NoMatch;
                        }

                        return Match;
                    }

                    if (!matchSlash && pat[p] == '/')
                    {
                        int slash = text[t..].IndexOf('/');
                        if (slash < 0)
                        {
                            return NoMatch;
                        }

                        t += slash;
                        break; // the slash is consumed by the loop
                    }

                    while (true)
                    {
                        if (t >= text.Length)
                        {
                            break;
                        }

                        if (!IsGlobSpecial(pat[p]))
                        {
                            char lit = fold ? ToLower(pat[p]) : pat[p];
                            while (t < text.Length && (matchSlash || text[t] != '/'))
                            {
                                tCh = fold ? ToLower(text[t]) : text[t];
                                if (tCh == lit)
                                {
                                    break;
                                }

                                t++;
                            }

                            if (t >= text.Length || (fold ? ToLower(text[t]) : text[t]) != lit)
                            {
                                return NoMatch;
                            }
                        }

                        tCh = text[t];
                        int matched = DoWild(pat, p, text, t, flags);
                        if (matched != NoMatch)
                        {
                            if (!matchSlash || matched != AbortToStarStar)
                            {
                                return matched;
                            }
                        }
                        else if (!matchSlash && tCh == '/')
                        {
                            return AbortToStarStar;
                        }

                        t++;
                    }

                    return AbortAll;
                }

                case '[':
                {
                    pCh = At(pat, ++p);
                    if (pCh == '^')
                    {
                        pCh = '!';
                    }

                    bool negated = pCh == '!';
                    if (negated)
                    {
                        pCh = At(pat, ++p);
                    }

                    char prevCh = '\0';
                    bool matched = false;
                    do
                    {
                        if (p >= pat.Length)
                        {
                            return AbortAll;
                        }

                        if (pCh == '\\')
                        {
                            pCh = At(pat, ++p);
                            if (p >= pat.Length)
                            {
                                return AbortAll;
                            }

                            if (tCh == pCh)
                            {
                                matched = true;
                            }
                        }
                        else if (pCh == '-' && prevCh != '\0' && p + 1 < pat.Length && pat[p + 1] != ']')
                        {
                            pCh = pat[++p];
                            if (pCh == '\\')
                            {
                                pCh = At(pat, ++p);
                                if (p >= pat.Length)
                                {
                                    return AbortAll;
                                }
                            }

                            if (tCh <= pCh && tCh >= prevCh)
                            {
                                matched = true;
                            }
                            else if (fold && IsLower(tCh))
                            {
                                char upper = (char)(tCh - 32);
                                if (upper <= pCh && upper >= prevCh)
                                {
                                    matched = true;
                                }
                            }

                            pCh = '\0';
                        }
                        else if (pCh == '[' && At(pat, p + 1) == ':')
                        {
                            int s = p += 2;
                            while (p < pat.Length && pat[p] != ']')
                            {
                                p++;
                            }

                            if (p >= pat.Length)
                            {
                                return AbortAll;
                            }

                            int len = p - s - 1;
                            if (len < 0 || pat[p - 1] != ':')
                            {
                                // Not "[:name:]": the '[' is an ordinary member.
                                p = s - 2;
                                pCh = '[';
                                if (tCh == pCh)
                                {
                                    matched = true;
                                }

                                prevCh = pCh;
                                pCh = At(pat, ++p);
                                continue;
                            }

                            int cls = ClassMatch(pat.Slice(s, len), tCh, fold);
                            if (cls < 0)
                            {
                                return AbortAll;
                            }

                            if (cls > 0)
                            {
                                matched = true;
                            }

                            pCh = '\0';
                        }
                        else if (tCh == pCh)
                        {
                            matched = true;
                        }

                        prevCh = pCh;
                        pCh = At(pat, ++p);
                    }
                    while (pCh != ']' || p >= pat.Length);

                    if (matched == negated || (pathName && tCh == '/'))
                    {
                        return NoMatch;
                    }

                    continue;
                }
            }

            // Reached only through the "*/" shortcut's break: continue the loop (t++, p++ consume the slash).
        }

        return t < text.Length ? NoMatch : Match;
    }

    // 1 = member, 0 = not a member, -1 = unknown class name (git aborts the whole match).
    private static int ClassMatch(ReadOnlySpan<char> name, char c, bool fold)
    {
        bool r;
        switch (name)
        {
            case "alnum": r = char.IsAsciiLetterOrDigit(c); break;
            case "alpha": r = char.IsAsciiLetter(c); break;
            case "blank": r = c is ' ' or '\t'; break;
            case "cntrl": r = c < 0x20 || c == 0x7F; break;
            case "digit": r = char.IsAsciiDigit(c); break;
            case "graph": r = c is > ' ' and < (char)0x7F; break;
            case "lower": r = IsLower(c); break;
            case "print": r = c is >= ' ' and < (char)0x7F; break;
            case "punct": r = c is > ' ' and < (char)0x7F && !char.IsAsciiLetterOrDigit(c); break;
            case "space": r = c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r'; break;
            case "upper": r = IsUpper(c) || (fold && IsLower(c)); break;
            case "xdigit": r = char.IsAsciiHexDigit(c); break;
            default: return -1;
        }

        return r ? 1 : 0;
    }
}
