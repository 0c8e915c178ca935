using System.Globalization;
using System.Text;

namespace AgentCore.Diagnostics.Workloads;

/// <summary>Deterministic assistant replies for the parsing benchmarks.</summary>
internal static class ReplyCorpus
{
    /// <summary>
    /// A reply like the one the parity spec timed (4.7): a short intro and one write_to_file of a TypeScript file,
    /// 19,619 characters in all.
    /// </summary>
    public static string WriteToFileReply(int length = 19_619)
    {
        var sb = new StringBuilder();
        sb.Append("I'll create the service module with the handlers we discussed.\n\n");
        sb.Append("<write_to_file>\n<path>src/services/orderService.ts</path>\n<content>\n");
        const string Tail = "</content>\n<line_count>000</line_count>\n</write_to_file>";
        int line = 0;
        while (sb.Length + Tail.Length < length)
        {
            string next = CodeLine(line++);
            int room = length - Tail.Length - sb.Length;
            sb.Append(next.Length <= room ? next : next[..room]);
        }

        sb.Append(Tail.Replace("000", line.ToString("000", CultureInfo.InvariantCulture), StringComparison.Ordinal));
        return sb.ToString();
    }

    /// <summary>
    /// A long agentic reply up to <paramref name="length"/> characters (at most 1 MiB): text, read_file,
    /// write_to_file with 8–24 K of code each (under the parameter limit), execute_command, repeated.
    /// </summary>
    public static string MixedReply(int length)
    {
        var sb = new StringBuilder(length);
        int line = 0;
        for (int step = 0; sb.Length < length; step++)
        {
            string head = string.Create(CultureInfo.InvariantCulture,
                $"Step {step}: let me look at the current module first.\n\n<read_file>\n<args>\n<file>\n<path>src/module{step}.ts</path>\n</file>\n</args>\n</read_file>\n\nNow I'll write the updated version:\n\n<write_to_file>\n<path>src/module{step}.ts</path>\n<content>\n");
            string tail = string.Create(CultureInfo.InvariantCulture,
                $"</content>\n<line_count>120</line_count>\n</write_to_file>\n\n<execute_command>\n<command>npx tsc --noEmit src/module{step}.ts</command>\n</execute_command>\n\n");
            int codeLength = 8_000 + ((step * 7_919) % 16_000);
            int remaining = length - sb.Length - head.Length - tail.Length;
            if (remaining < codeLength + 8_000)
            {
                codeLength = remaining; // the last step takes exactly what is left (under the parameter limit)
            }

            if (codeLength < 0)
            {
                sb.Append(' ', length - sb.Length);
                break;
            }

            sb.Append(head);
            int end = sb.Length + codeLength;
            while (sb.Length < end)
            {
                string next = CodeLine(line++);
                sb.Append(next.Length <= end - sb.Length ? next : next[..(end - sb.Length)]);
            }

            sb.Append(tail);
        }

        return sb.ToString();
    }

    private static string CodeLine(int i) => (i % 6) switch
    {
        0 => string.Create(CultureInfo.InvariantCulture, $"export async function handler{i}(req: Request<Order>): Promise<Result<number>> {{\n"),
        1 => "\tconst items = req.body.items.filter((x) => x.qty > 0 && x.price >= 0);\n",
        2 => "\tif (items.length === 0) { return { ok: false, error: \"<empty>\" }; }\n",
        3 => "\tconst total = items.reduce((sum, x) => sum + x.qty * x.price, 0);\n",
        4 => "\treturn { ok: true, value: total }; // <b>total</b> in cents\n",
        _ => "}\n\n",
    };
}
