using System.Globalization;
using System.Text;

namespace AgentCore.Diagnostics;

/// <summary>An SVG line chart of a soak run: RSS and managed heap (MB) over time, the warm-up and the RSS bound.</summary>
internal static class SoakPlot
{
    private const int Width = 900;
    private const int Height = 420;
    private const int Left = 70;
    private const int Right = 20;
    private const int Top = 40;
    private const int Bottom = 50;

    public static string Svg(IReadOnlyList<SoakSample> samples, double warmupSeconds, long boundBytes)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        double maxT = Math.Max(1, samples.Count == 0 ? 1 : samples[^1].ElapsedSeconds);
        double maxMb = boundBytes / 1048576.0;
        foreach (SoakSample s in samples)
        {
            maxMb = Math.Max(maxMb, Math.Max(s.RssBytes, s.GcHeapBytes) / 1048576.0);
        }

        maxMb = Math.Ceiling(maxMb * 1.1 / 10) * 10;
        double plotW = Width - Left - Right, plotH = Height - Top - Bottom;
        double X(double t) => Left + (t / maxT * plotW);
        double Y(double mb) => Top + plotH - (mb / maxMb * plotH);

        var sb = new StringBuilder();
        sb.Append(c, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        sb.Append(c, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n");
        sb.Append(c, $"<text x=\"{Left}\" y=\"22\" font-size=\"15\">agentcore soak: memory over {maxT:0} s ({samples.Count} samples)</text>\n");
        sb.Append(c, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{X(Math.Min(warmupSeconds, maxT)) - Left:0.0}\" height=\"{plotH}\" fill=\"#f0f0f0\"/>\n");
        sb.Append(c, $"<text x=\"{Left + 4}\" y=\"{Top + 14}\" fill=\"#777\">warm-up</text>\n");
        for (int i = 0; i <= 5; i++)
        {
            double mb = maxMb * i / 5;
            sb.Append(c, $"<line x1=\"{Left}\" y1=\"{Y(mb):0.0}\" x2=\"{Width - Right}\" y2=\"{Y(mb):0.0}\" stroke=\"#ddd\"/>\n");
            sb.Append(c, $"<text x=\"{Left - 6}\" y=\"{Y(mb) + 4:0.0}\" text-anchor=\"end\">{mb:0} MB</text>\n");
            double t = maxT * i / 5;
            sb.Append(c, $"<text x=\"{X(t):0.0}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\">{t:0} s</text>\n");
        }

        sb.Append(c, $"<line x1=\"{X(Math.Min(warmupSeconds, maxT)):0.0}\" y1=\"{Y(boundBytes / 1048576.0):0.0}\" x2=\"{Width - Right}\" y2=\"{Y(boundBytes / 1048576.0):0.0}\" stroke=\"#c00\" stroke-dasharray=\"6 4\"/>\n");
        sb.Append(c, $"<text x=\"{Width - Right - 4}\" y=\"{Y(boundBytes / 1048576.0) - 4:0.0}\" text-anchor=\"end\" fill=\"#c00\">RSS bound</text>\n");
        Polyline(sb, samples, s => s.RssBytes, "#1f77b4", X, Y);
        Polyline(sb, samples, s => s.GcHeapBytes, "#ff7f0e", X, Y);
        sb.Append(c, $"<text x=\"{Left + 80}\" y=\"{Height - 12}\" fill=\"#1f77b4\">RSS</text><text x=\"{Left + 130}\" y=\"{Height - 12}\" fill=\"#ff7f0e\">managed heap</text>\n");
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    private static void Polyline(StringBuilder sb, IReadOnlyList<SoakSample> samples, Func<SoakSample, long> value, string color, Func<double, double> x, Func<double, double> y)
    {
        sb.Append("<polyline fill=\"none\" stroke=\"").Append(color).Append("\" stroke-width=\"1.5\" points=\"");
        foreach (SoakSample s in samples)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{x(s.ElapsedSeconds):0.0},{y(value(s) / 1048576.0):0.0} ");
        }

        sb.Append("\"/>\n");
    }
}
