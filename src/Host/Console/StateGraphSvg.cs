using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace OrderManagement.Host.Console;

// Draws a Mermaid stateDiagram ("A --> B : Trigger" lines, as Stateless's MermaidGraph writes them) as inline SVG on
// the server, with the states an order went through and the transitions between them highlighted. No script, no CDN.
// Layout: a state's column is its distance from the first state of the path; states in one column stack downwards. Boxes
// are as wide as the longest state name needs, and trigger labels are placed clear of boxes, lines and each other.
// The drawing scales to its container (never wider than drawn, never smaller than MinScale of it: below that a phone
// scrolls the figure instead, so its words stay readable).
public static class StateGraphSvg
{
    public const double MinScale = 0.85;

    private const int RowHeight = 84;
    private const int NodeHeight = 36;
    private const int Margin = 16;
    private const double NodeFontSize = 14;

    public static IHtmlContent Render(string mermaid, IReadOnlyList<string> path, string title)
    {
        var edges = Parse(mermaid);
        var choices = Choices(mermaid);
        var parents = Superstates(mermaid);
        var initial = path.Count > 0 ? path[0] : edges.FirstOrDefault().From ?? "";
        var positions = Layout(initial, edges);
        var walked = Walked(path, edges, choices, parents);

        var visited = path.ToHashSet(StringComparer.Ordinal);
        var current = path.Count > 0 ? path[^1] : null;
        var nodeWidth = (int)Math.Ceiling(Math.Max(140, positions.Keys.Where(s => !choices.Contains(s))
            .Select(s => StateGraphLabels.TextWidth(s, NodeFontSize)).DefaultIfEmpty(0).Max() + 20));
        var geometry = new Geometry(nodeWidth, nodeWidth + 80);
        var labels = new StateGraphLabels([.. positions.Values.Select(p => geometry.NodeBox(p).Grown(2))]);
        var curves = edges.Select(edge => (edge, curve: geometry.Curve(positions[edge.From], positions[edge.To]))).ToList();
        foreach (var (_, curve) in curves)
        {
            labels.AddLine(curve.PointAt, curve.Length);
        }

        var drawn = curves.Select(c =>
            (c.edge, c.curve, label: c.edge.Trigger.Length == 0 ? (StateGraphLabels.Box?)null : labels.Place(c.edge.Trigger, c.curve.PointAt))).ToList();
        var boxes = positions.Values.Select(geometry.NodeBox).Concat(drawn.Select(d => d.label).OfType<StateGraphLabels.Box>()).ToList();
        var width = (int)Math.Ceiling(boxes.Max(b => b.Right) + Margin);
        var height = (int)Math.Ceiling(Math.Max(boxes.Max(b => b.Bottom), drawn.Select(d => d.curve.Lowest).DefaultIfEmpty(0).Max() + 8) + Margin);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"100%\" style=\"max-width:{width}px;min-width:{Math.Ceiling(width * MinScale)}px\" role=\"img\" aria-label=\"{Encode(title)}: {Encode(string.Join(" → ", path))}\">");
        svg.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"context-stroke\"/></marker></defs>");
        foreach (var (edge, curve, _) in drawn)
        {
            var on = walked.Contains((edge.From, edge.To));
            svg.Append(F($"<path d=\"{curve.Path}\" fill=\"none\" stroke=\"{(on ? "#0b5cad" : "#a0a8b0")}\" stroke-width=\"{(on ? "3" : "1.2")}\" marker-end=\"url(#arrow)\" data-edge=\"{Encode(edge.From)}→{Encode(edge.To)}\"{(on ? " data-walked=\"true\"" : "")}/>"));
        }

        // Labels after every edge, with a white halo (they are placed clear of the lines; the halo keeps an arrowhead off them).
        foreach (var (edge, _, label) in drawn)
        {
            if (label is { } box)
            {
                svg.Append(F($"<text class=\"edge-label\" x=\"{box.X + box.Width / 2:0.#}\" y=\"{box.Y + box.Height / 2 + 4:0.#}\" text-anchor=\"middle\" font-size=\"{StateGraphLabels.LabelFontSize}\" fill=\"#5b6570\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">{Encode(edge.Trigger)}</text>"));
            }
        }

        foreach (var (state, at) in positions)
        {
            var (x, y) = geometry.Corner(at);
            if (choices.Contains(state))
            {
                var on = walked.Any(w => w.Item1 == state);
                svg.Append(F($"<g data-state=\"{Encode(state)}\" data-choice=\"true\"><title>a choice: the guard on each way out decides</title><polygon points=\"{x},{y + NodeHeight / 2} {x + nodeWidth / 2},{y} {x + nodeWidth},{y + NodeHeight / 2} {x + nodeWidth / 2},{y + NodeHeight}\" fill=\"#ffffff\" stroke=\"{(on ? "#0b5cad" : "#8c959f")}\" stroke-width=\"{(on ? 2 : 1)}\"/></g>"));
                continue;
            }

            var fill = state == current ? "#0b5cad" : visited.Contains(state) ? "#d7e7f8" : "#ffffff";
            var text = state == current ? "#ffffff" : "#1b1f24";
            var stroke = visited.Contains(state) ? "#0b5cad" : "#8c959f";
            svg.Append(CultureInfo.InvariantCulture,
                $"<g data-state=\"{Encode(state)}\"{(visited.Contains(state) ? " data-visited=\"true\"" : "")}><rect x=\"{x}\" y=\"{y}\" width=\"{nodeWidth}\" height=\"{NodeHeight}\" rx=\"8\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{(visited.Contains(state) ? 2 : 1)}\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"state-label\" x=\"{x + nodeWidth / 2}\" y=\"{y + NodeHeight / 2 + 5}\" text-anchor=\"middle\" font-size=\"{NodeFontSize}\" fill=\"{text}\">{Encode(state)}</text></g>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    // Where boxes go and how an edge runs between two of them: forwards, a curve from the right side to the left side;
    // backwards or within a column, an arc below both boxes.
    private sealed record Geometry(int NodeWidth, int ColumnWidth)
    {
        public (int X, int Y) Corner((int Column, int Row) at) => (Margin + at.Column * ColumnWidth, Margin + at.Row * RowHeight);

        public StateGraphLabels.Box NodeBox((int Column, int Row) at)
        {
            var (x, y) = Corner(at);
            return new(x, y, NodeWidth, NodeHeight);
        }

        public Curve Curve((int Column, int Row) from, (int Column, int Row) to)
        {
            var (fx, fy) = Corner(from);
            var (tx, ty) = Corner(to);
            if (to.Column > from.Column)
            {
                var (x1, y1, x2, y2) = (fx + NodeWidth, fy + NodeHeight / 2.0, (double)tx, ty + NodeHeight / 2.0);
                return new Curve((x1, y1), (x1 + 30, y1), (x2 - 30, y2), (x2, y2));
            }

            var (ax, ay, bx, by) = (fx + NodeWidth / 2.0, (double)fy + NodeHeight, tx + NodeWidth / 2.0, (double)ty + NodeHeight);
            var dip = Math.Max(ay, by) + 30;
            return new Curve((ax, ay), (ax, dip), (bx, dip), (bx, by));
        }
    }

    private sealed record Curve((double X, double Y) P0, (double X, double Y) P1, (double X, double Y) P2, (double X, double Y) P3)
    {
        public string Path => F($"M{P0.X},{P0.Y} C{P1.X},{P1.Y} {P2.X},{P2.Y} {P3.X},{P3.Y}");

        public double Lowest => Math.Max(Math.Max(P0.Y, P3.Y), PointAt(0.5).Y);

        // Along the control polygon: never shorter than the curve, which is all a sampling step needs.
        public double Length => Distance(P0, P1) + Distance(P1, P2) + Distance(P2, P3);

        private static double Distance((double X, double Y) a, (double X, double Y) b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));

        public (double X, double Y) PointAt(double t)
        {
            var u = 1 - t;
            double At(double a, double b, double c, double d) => u * u * u * a + 3 * u * u * t * b + 3 * u * t * t * c + t * t * t * d;
            return (At(P0.X, P1.X, P2.X, P3.X), At(P0.Y, P1.Y, P2.Y, P3.Y));
        }
    }

    // MermaidGraph also marks the machine's current state ("[*] --> State") and draws an ignored trigger as an arrow from
    // a state to itself; the page shows the current state by the path and leaves out triggers that move nothing.
    private static List<(string From, string To, string Trigger)> Parse(string mermaid) =>
        [.. mermaid.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Contains("-->", StringComparison.Ordinal) && !line.StartsWith("[*]", StringComparison.Ordinal))
            .Select(line =>
            {
                var arrow = line.IndexOf("-->", StringComparison.Ordinal);
                var colon = line.IndexOf(':', arrow);
                var from = line[..arrow].Trim();
                var to = (colon < 0 ? line[(arrow + 3)..] : line[(arrow + 3)..colon]).Trim();
                var trigger = colon < 0 ? "" : line[(colon + 1)..].Trim();
                return (from, to, trigger);
            })
            .Where(edge => edge.from != edge.to)];

    // The transitions the path took. A move decided by a guard goes through a choice node that is no state of its own
    // (A -> choice -> B was walked when A -> B was), and a trigger configured on a superstate is drawn from it (Running
    // --> Failed : Fail), so a move from one of its substates (CreatingShipment -> Failed) walked that edge.
    private static HashSet<(string, string)> Walked(
        IReadOnlyList<string> path, List<(string From, string To, string Trigger)> edges, HashSet<string> choices, Dictionary<string, string> parents)
    {
        var walked = new HashSet<(string, string)>();
        foreach (var (from, to) in path.Zip(path.Skip(1)))
        {
            for (var source = from; source is not null; source = parents.GetValueOrDefault(source))
            {
                if (edges.Any(e => e.From == source && e.To == to))
                {
                    walked.Add((source, to));
                    break;
                }

                var choice = choices.FirstOrDefault(c => edges.Any(e => e.From == source && e.To == c) && edges.Any(e => e.From == c && e.To == to));
                if (choice is not null)
                {
                    walked.Add((source, choice));
                    walked.Add((choice, to));
                    break;
                }
            }
        }

        return walked;
    }

    // Stateless's MermaidGraph declares a superstate's substates in a block, "state Running {" ... "}"; each substate's
    // superstate, for the triggers configured on the superstate.
    private static Dictionary<string, string> Superstates(string mermaid)
    {
        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        var open = new Stack<string>();
        foreach (var line in mermaid.Split('\n').Select(l => l.Trim()))
        {
            if (line.StartsWith("state ", StringComparison.Ordinal) && line.EndsWith('{'))
            {
                var name = line["state ".Length..^1].Trim();
                if (open.TryPeek(out var outer))
                {
                    parents[name] = outer;
                }

                open.Push(name);
            }
            else if (line == "}")
            {
                open.TryPop(out _);
            }
            else if (open.TryPeek(out var parent) && line.Length > 0 && !line.Contains("-->", StringComparison.Ordinal) && !line.Contains(' ', StringComparison.Ordinal))
            {
                parents[line] = parent;
            }
        }

        return parents;
    }

    // Stateless's MermaidGraph declares the choice a dynamic or guarded trigger makes as "state Decision1 <<choice>>".
    private static HashSet<string> Choices(string mermaid) =>
        [.. mermaid.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("state ", StringComparison.Ordinal) && line.EndsWith("<<choice>>", StringComparison.Ordinal))
            .Select(line => line["state ".Length..^"<<choice>>".Length].Trim())];

    private static Dictionary<string, (int Column, int Row)> Layout(string initial, List<(string From, string To, string Trigger)> edges)
    {
        var column = new Dictionary<string, int>(StringComparer.Ordinal) { [initial] = 0 };
        var queue = new Queue<string>([initial]);
        while (queue.TryDequeue(out var state))
        {
            foreach (var edge in edges.Where(e => e.From == state && !column.ContainsKey(e.To)))
            {
                column[edge.To] = column[state] + 1;
                queue.Enqueue(edge.To);
            }
        }

        foreach (var state in edges.SelectMany(e => new[] { e.From, e.To }).Where(s => !column.ContainsKey(s)).Distinct().ToList())
        {
            column[state] = 0;
        }

        var rows = new Dictionary<int, int>();
        var positions = new Dictionary<string, (int Column, int Row)>(StringComparer.Ordinal);
        foreach (var (state, col) in column)
        {
            var row = rows.GetValueOrDefault(col);
            rows[col] = row + 1;
            positions[state] = (col, row);
        }

        return positions;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
