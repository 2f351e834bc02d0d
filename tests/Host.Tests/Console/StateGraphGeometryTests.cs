using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using OrderManagement.Host.Console;

namespace OrderManagement.Host.Tests.Console;

// Issue 11 (defect B): on the order page, straight edges crossed unrelated states (a completed order's
// AuthorizingPayment -> CreatingShipment ran across the compensation states) and guard labels piled up under one state.
// Every machine's graph (the Mermaid exports in docs/state-machines, checked against the machines by each module's
// tests), measured on the SVG as drawn: each edge, curves sampled into segments, touches no state but its own two; each
// edge has a label, and a label overlaps no state, no other label and no other edge's line.
public sealed partial class StateGraphGeometryTests
{
    public static TheoryData<string> Machines() => [.. MachineNames()];

    [Fact]
    public void Every_machine_is_measured() => MachineNames().ShouldBe(["order", "payment", "reservation", "return", "saga", "shipment"]);

    private static List<string> MachineNames() => [.. Directory.GetFiles(StateMachineDocs(), "*.md").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order()];

    [Theory]
    [MemberData(nameof(Machines))]
    public void Given_a_machine_s_graph_When_drawn_Then_no_edge_crosses_a_state_and_each_label_sits_alone_by_its_own_edge(string machine)
    {
        var mermaid = MermaidOf(machine);
        var initial = InitialRegex().Match(mermaid).Groups[1].Value;
        var drawing = Drawing.Parse(StateGraphSvg.Render(mermaid, [initial], machine).ToString()!);
        drawing.Edges.Count.ShouldBeGreaterThan(1);

        var faults = new List<string>();
        foreach (var edge in drawing.Edges)
        {
            var (from, to) = Ends(edge.Name);
            foreach (var (state, box) in drawing.States.Where(s => s.Key != from && s.Key != to))
            {
                if (edge.Segments.Any(s => Crosses(s, box.Grown(2))))
                {
                    faults.Add($"the edge {edge.Name} crosses the state {state}");
                }
            }
        }

        foreach (var edge in drawing.Edges.Where(e => !drawing.Labels.Any(l => l.Edge == e.Name)))
        {
            faults.Add($"the edge {edge.Name} has no label");
        }

        for (var i = 0; i < drawing.Labels.Count; i++)
        {
            var label = drawing.Labels[i];
            faults.AddRange(drawing.States.Where(s => s.Value.Overlaps(label.Box)).Select(s => $"the label '{label.Text}' of {label.Edge} lies on the state {s.Key}"));
            faults.AddRange(drawing.Labels.Skip(i + 1).Where(l => l.Box.Overlaps(label.Box)).Select(l => $"the label '{label.Text}' of {label.Edge} lies on the label '{l.Text}' of {l.Edge}"));
            faults.AddRange(drawing.Edges.Where(e => e.Name != label.Edge && e.Segments.Any(s => Crosses(s, label.Box)))
                .Select(e => $"the label '{label.Text}' of {label.Edge} lies on the edge {e.Name}"));
        }

        faults.ShouldBeEmpty();
    }

    private static (string From, string To) Ends(string edge)
    {
        var arrow = edge.IndexOf('→', StringComparison.Ordinal);
        return (edge[..arrow], edge[(arrow + 1)..]);
    }

    // Liang-Barsky: does the segment have a point strictly inside the box?
    private static bool Crosses(Segment s, Box box)
    {
        var (t0, t1) = (0.0, 1.0);
        var (dx, dy) = (s.X2 - s.X1, s.Y2 - s.Y1);
        foreach (var (p, q) in new[] { (-dx, s.X1 - box.X), (dx, box.Right - s.X1), (-dy, s.Y1 - box.Y), (dy, box.Bottom - s.Y1) })
        {
            if (p == 0)
            {
                if (q <= 0)
                {
                    return false;
                }

                continue;
            }

            var r = q / p;
            if (p < 0)
            {
                t0 = Math.Max(t0, r);
            }
            else
            {
                t1 = Math.Min(t1, r);
            }
        }

        return t0 < t1;
    }

    private static string MermaidOf(string machine)
    {
        var text = File.ReadAllText(Path.Combine(StateMachineDocs(), machine + ".md"));
        var start = text.IndexOf("```mermaid", StringComparison.Ordinal) + "```mermaid".Length;
        return text[start..text.IndexOf("```", start, StringComparison.Ordinal)];
    }

    private static string StateMachineDocs()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var docs = Path.Combine(dir.FullName, "docs", "state-machines");
            if (Directory.Exists(docs))
            {
                return docs;
            }
        }

        throw new DirectoryNotFoundException("docs/state-machines above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\[\*\] --> (\S+)")]
    private static partial Regex InitialRegex();

    private readonly record struct Segment(double X1, double Y1, double X2, double Y2);

    private readonly record struct Box(double X, double Y, double Width, double Height)
    {
        public double Right => X + Width;

        public double Bottom => Y + Height;

        public bool Overlaps(Box other) => X < other.Right && other.X < Right && Y < other.Bottom && other.Y < Bottom;

        public Box Grown(double by) => new(X - by, Y - by, Width + 2 * by, Height + 2 * by);
    }

    private sealed record Edge(string Name, List<Segment> Segments);

    private sealed record Label(string Edge, string Text, Box Box);

    // The SVG read back: states (a rect, or a choice's polygon by its bounds), edges (paths of M, L and C commands, a
    // curve sampled every 1/24), labels (a label's own box, or a text's box from its font size at the renderer's
    // character width; a label names its edge, else it is the edge drawn at its position in the document).
    private sealed partial record Drawing(Dictionary<string, Box> States, List<Edge> Edges, List<Label> Labels)
    {
        public static Drawing Parse(string svg)
        {
            var states = StateRegex().Matches(svg).ToDictionary(
                m => WebUtility.HtmlDecode(m.Groups["name"].Value),
                m => m.Groups["points"].Success ? Bounds(m.Groups["points"].Value) : new Box(N(m, "x"), N(m, "y"), N(m, "w"), N(m, "h")));
            var edges = EdgeRegex().Matches(svg).Select(m => new Edge(WebUtility.HtmlDecode(m.Groups["edge"].Value), Segments(m.Groups["d"].Value))).ToList();
            var labels = LabelRegex().Matches(svg).Select((m, i) => new Label(
                m.Groups["edge"].Success ? WebUtility.HtmlDecode(m.Groups["edge"].Value) : edges[i].Name,
                WebUtility.HtmlDecode(m.Groups["text"].Value),
                m.Groups["w"].Success
                    ? new Box(N(m, "x"), N(m, "y"), N(m, "w"), N(m, "h"))
                    : TextBox(N(m, "tx"), N(m, "ty"), N(m, "size"), WebUtility.HtmlDecode(m.Groups["text"].Value)))).ToList();
            return new Drawing(states, edges, labels);
        }

        private static double N(Match m, string group) => double.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

        private static Box TextBox(double x, double baseline, double size, string text)
        {
            var width = text.Length * size * 0.68 + 6;
            return new Box(x - width / 2, baseline - size, width, size * 4 / 3);
        }

        private static Box Bounds(string points)
        {
            var xy = points.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToList();
            var xs = xy.Where((_, i) => i % 2 == 0).ToList();
            var ys = xy.Where((_, i) => i % 2 == 1).ToList();
            return new Box(xs.Min(), ys.Min(), xs.Max() - xs.Min(), ys.Max() - ys.Min());
        }

        private static List<Segment> Segments(string d)
        {
            var segments = new List<Segment>();
            var (x, y) = (0.0, 0.0);
            foreach (Match command in CommandRegex().Matches(d))
            {
                var n = NumberRegex().Matches(command.Groups[2].Value).Select(v => double.Parse(v.Value, CultureInfo.InvariantCulture)).ToList();
                switch (command.Groups[1].Value)
                {
                    case "M":
                        (x, y) = (n[0], n[1]);
                        break;
                    case "L":
                        for (var i = 0; i + 1 < n.Count; i += 2)
                        {
                            segments.Add(new Segment(x, y, n[i], n[i + 1]));
                            (x, y) = (n[i], n[i + 1]);
                        }

                        break;
                    case "C":
                        var (px, py) = (x, y);
                        for (var k = 1; k <= 24; k++)
                        {
                            var t = k / 24.0;
                            var u = 1 - t;
                            double At(double a, double b, double c, double e) => u * u * u * a + 3 * u * u * t * b + 3 * u * t * t * c + t * t * t * e;
                            var (nx, ny) = (At(x, n[0], n[2], n[4]), At(y, n[1], n[3], n[5]));
                            segments.Add(new Segment(px, py, nx, ny));
                            (px, py) = (nx, ny);
                        }

                        (x, y) = (n[4], n[5]);
                        break;
                    default:
                        throw new InvalidOperationException("an edge path command this test does not read: " + command.Value);
                }
            }

            return segments;
        }

        [GeneratedRegex("<g data-state=\"(?<name>[^\"]+)\"[^>]*>(?:<title>[^<]*</title>)?(?:<rect x=\"(?<x>[\\d.]+)\" y=\"(?<y>[\\d.]+)\" width=\"(?<w>[\\d.]+)\" height=\"(?<h>[\\d.]+)\"|<polygon points=\"(?<points>[^\"]+)\")")]
        private static partial Regex StateRegex();

        [GeneratedRegex("<path d=\"(?<d>[^\"]+)\"[^>]*data-edge=\"(?<edge>[^\"]+)\"")]
        private static partial Regex EdgeRegex();

        [GeneratedRegex("<(?:g class=\"edge-label\" data-edge=\"(?<edge>[^\"]+)\"[^>]*>(?:<title>[^<]*</title>)?<rect x=\"(?<x>[\\d.]+)\" y=\"(?<y>[\\d.]+)\" width=\"(?<w>[\\d.]+)\" height=\"(?<h>[\\d.]+)\"[^>]*/><text[^>]*>(?<text>[^<]*)</text>|text class=\"edge-label\" x=\"(?<tx>[\\d.]+)\" y=\"(?<ty>[\\d.]+)\"[^>]*font-size=\"(?<size>[\\d.]+)\"[^>]*>(?<text>[^<]*)</text>)")]
        private static partial Regex LabelRegex();

        [GeneratedRegex("([MLC])([^MLC]*)")]
        private static partial Regex CommandRegex();

        [GeneratedRegex(@"-?\d+(?:\.\d+)?")]
        private static partial Regex NumberRegex();
    }
}
