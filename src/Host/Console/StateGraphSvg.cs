using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace OrderManagement.Host.Console;

// Draws a Mermaid stateDiagram ("A --> B : Trigger" lines, as Stateless's MermaidGraph writes them) as inline SVG on
// the server, with the states an order went through and the transitions between them highlighted. No script, no CDN.
// Layout: a state's column is its distance from the first state of the path; states in one column stack downwards.
public static class StateGraphSvg
{
    private const int ColumnWidth = 190;
    private const int RowHeight = 74;
    private const int NodeWidth = 140;
    private const int NodeHeight = 36;
    private const int Margin = 16;

    public static IHtmlContent Render(string mermaid, IReadOnlyList<string> path, string title)
    {
        var edges = Parse(mermaid);
        var choices = Choices(mermaid);
        var initial = path.Count > 0 ? path[0] : edges.FirstOrDefault().From ?? "";
        var positions = Layout(initial, edges);
        var walked = path.Zip(path.Skip(1)).ToHashSet();
        // A move decided by a guard goes through a choice node that is no state of its own: A -> choice -> B was walked
        // when A -> B was.
        foreach (var (from, to) in walked.ToList())
        {
            foreach (var choice in choices.Where(c => edges.Any(e => e.From == from && e.To == c) && edges.Any(e => e.From == c && e.To == to)))
            {
                walked.Add((from, choice));
                walked.Add((choice, to));
            }
        }

        var visited = path.ToHashSet(StringComparer.Ordinal);
        var current = path.Count > 0 ? path[^1] : null;
        var width = (positions.Values.Max(p => p.Column) + 1) * ColumnWidth + Margin * 2;
        var height = (positions.Values.Max(p => p.Row) + 1) * RowHeight + Margin * 2;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" role=\"img\" aria-label=\"{Encode(title)}: {Encode(string.Join(" → ", path))}\">");
        svg.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"context-stroke\"/></marker></defs>");
        foreach (var edge in edges)
        {
            var on = walked.Contains((edge.From, edge.To));
            svg.Append(Edge(positions[edge.From], positions[edge.To], edge.Trigger, on));
        }

        foreach (var (state, at) in positions)
        {
            var (x, y) = Corner(at);
            if (choices.Contains(state))
            {
                var on = walked.Any(w => w.Item1 == state);
                svg.Append(F($"<g data-state=\"{Encode(state)}\" data-choice=\"true\"><title>a choice: the guard on each way out decides</title><polygon points=\"{x},{y + NodeHeight / 2} {x + NodeWidth / 2},{y} {x + NodeWidth},{y + NodeHeight / 2} {x + NodeWidth / 2},{y + NodeHeight}\" fill=\"#ffffff\" stroke=\"{(on ? "#0b5cad" : "#8c959f")}\" stroke-width=\"{(on ? 2 : 1)}\"/></g>"));
                continue;
            }

            var fill = state == current ? "#0b5cad" : visited.Contains(state) ? "#d7e7f8" : "#ffffff";
            var text = state == current ? "#ffffff" : "#1b1f24";
            var stroke = visited.Contains(state) ? "#0b5cad" : "#8c959f";
            svg.Append(CultureInfo.InvariantCulture,
                $"<g data-state=\"{Encode(state)}\"{(visited.Contains(state) ? " data-visited=\"true\"" : "")}><rect x=\"{x}\" y=\"{y}\" width=\"{NodeWidth}\" height=\"{NodeHeight}\" rx=\"8\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{(visited.Contains(state) ? 2 : 1)}\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{x + NodeWidth / 2}\" y=\"{y + NodeHeight / 2 + 5}\" text-anchor=\"middle\" font-size=\"14\" fill=\"{text}\">{Encode(state)}</text></g>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string Edge((int Column, int Row) from, (int Column, int Row) to, string trigger, bool on)
    {
        var (fx, fy) = Corner(from);
        var (tx, ty) = Corner(to);
        var stroke = on ? "#0b5cad" : "#a0a8b0";
        var widthAttr = on ? "3" : "1.2";
        string d;
        double lx, ly;
        if (to.Column > from.Column)
        {
            var (x1, y1, x2, y2) = (fx + NodeWidth, fy + NodeHeight / 2.0, tx, ty + NodeHeight / 2.0);
            d = F($"M{x1},{y1} C{x1 + 30},{y1} {x2 - 30},{y2} {x2},{y2}");
            (lx, ly) = ((x1 + x2) / 2, (y1 + y2) / 2 - 4);
        }
        else
        {
            // Backwards or within one column: an arc below the boxes.
            var (x1, y1, x2, y2) = (fx + NodeWidth / 2.0, fy + NodeHeight, tx + NodeWidth / 2.0, ty + NodeHeight);
            var dip = Math.Max(y1, y2) + 30;
            d = F($"M{x1},{y1} C{x1},{dip} {x2},{dip} {x2},{y2}");
            (lx, ly) = ((x1 + x2) / 2, dip - 4);
        }

        return F($"<path d=\"{d}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{widthAttr}\" marker-end=\"url(#arrow)\"{(on ? " data-walked=\"true\"" : "")}/>")
            + F($"<text x=\"{lx}\" y=\"{ly}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#5b6570\">{Encode(trigger)}</text>");
    }

    private static (int X, int Y) Corner((int Column, int Row) at) => (Margin + at.Column * ColumnWidth, Margin + at.Row * RowHeight);

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
