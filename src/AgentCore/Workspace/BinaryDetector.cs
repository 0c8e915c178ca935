namespace AgentCore.Workspace;

/// <summary>The npm <c>isbinaryfile</c> 5.0.4 test the extension uses (parity spec §4.2): the first 512 bytes decide.</summary>
internal static class BinaryDetector
{
    /// <summary>How many bytes the test reads.</summary>
    public const int SampleBytes = 512;

    /// <summary>True when the sample (the file's first bytes, at most 512) looks binary.</summary>
    public static bool IsBinary(ReadOnlySpan<byte> b)
    {
        int total = b.Length;
        if (total == 0)
        {
            return false;
        }

        if ((total >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) ||
            (total >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF) ||
            (total >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) ||
            (total >= 4 && b[0] == 0x84 && b[1] == 0x31 && b[2] == 0x95 && b[3] == 0x33))
        {
            return false;
        }

        if (total >= 5 && b[..5].SequenceEqual("%PDF-"u8))
        {
            return true;
        }

        if ((total >= 2 && b[0] == 0xFE && b[1] == 0xFF) || (total >= 2 && b[0] == 0xFF && b[1] == 0xFE))
        {
            return false;
        }

        int suspicious = 0;
        for (int i = 0; i < total; i++)
        {
            byte c = b[i];
            if (c == 0)
            {
                return true;
            }

            if ((c < 7 || c > 14) && (c < 32 || c > 127))
            {
                if (c > 193 && c < 224 && i + 1 < total && b[i + 1] is > 127 and < 192)
                {
                    i++;
                    continue;
                }

                if (c > 223 && c < 240 && i + 2 < total && b[i + 1] is > 127 and < 192 && b[i + 2] is > 127 and < 192)
                {
                    i += 2;
                    continue;
                }

                if (c > 239 && c < 248 && i + 3 < total && b[i + 1] is > 127 and < 192 && b[i + 2] is > 127 and < 192 && b[i + 3] is > 127 and < 192)
                {
                    i += 3;
                    continue;
                }

                suspicious++;
                if (i >= 32 && suspicious * 100 / total > 10)
                {
                    return true;
                }
            }
        }

        if (suspicious * 100 / total > 10)
        {
            return true;
        }

        return suspicious > 1 && LooksLikeProtobuf(b);
    }

    // isbinaryfile's protobuf sniff: at least one complete field (varint key, wire types 0, 1, 2, 5) before the data ends.
    private static bool LooksLikeProtobuf(ReadOnlySpan<byte> b)
    {
        int i = 0, fields = 0;
        while (i < b.Length)
        {
            if (!ReadVarint(b, ref i, out ulong key))
            {
                break;
            }

            int wire = (int)(key & 7);
            switch (wire)
            {
                case 0:
                    if (!ReadVarint(b, ref i, out _))
                    {
                        return fields > 0;
                    }

                    break;
                case 1:
                    if (i + 8 > b.Length)
                    {
                        return fields > 0;
                    }

                    i += 8;
                    break;
                case 2:
                    if (!ReadVarint(b, ref i, out ulong len) || (ulong)(b.Length - i) < len)
                    {
                        return fields > 0;
                    }

                    i += (int)len;
                    break;
                case 5:
                    if (i + 4 > b.Length)
                    {
                        return fields > 0;
                    }

                    i += 4;
                    break;
                default:
                    return false;
            }

            fields++;
        }

        return fields > 0;
    }

    private static bool ReadVarint(ReadOnlySpan<byte> b, ref int i, out ulong value)
    {
        value = 0;
        for (int shift = 0; shift < 64 && i < b.Length; shift += 7)
        {
            byte x = b[i++];
            value |= (ulong)(x & 0x7F) << shift;
            if ((x & 0x80) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
