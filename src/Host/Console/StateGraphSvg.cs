using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace OrderManagement.Host.Console;

// Draws a Mermaid stateDiagram ("A --> B : Trigger" lines, as Stateless's MermaidGraph writes them) as inline SVG on
// the server, with the states an order went through and the transitions between them highlighted, and under it a
// legend: each edge's number, its two states and its trigger with any guard. No script, no CDN. Where things go:
// StateGraphLayout (ADR 0026). The drawing scales to its container (never wider than drawn, never smaller than
// MinScale of it: below that a phone scrolls the figure instead, so its words stay readable).
public static class StateGraphSvg
{
    public const double MinScale = 0.85;

    private const string Walk = "#0b5cad";
    private const string Idle = "#8c959f";

    public static IHtmlContent Render(string mermaid, IReadOnlyList<string> path, string title)
    {
        var graph = StateGraphMermaid.Parse(mermaid);
        var layout = StateGraphLayout.Of(graph, path.Count > 0 ? path[0] : null);
        var (walked, takenFrom) = Walked(path, graph);
        var visited = path.ToHashSet(StringComparer.Ordinal);
        var current = path.Count > 0 ? path[^1] : null;
        bool On(StateGraphMermaid.Edge edge) => walked.Contains((edge.From, edge.To));

        var svg = new StringBuilder();
        svg.Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {layout.Width} {layout.Height}\" width=\"100%\" style=\"max-width:{layout.Width}px;min-width:{Math.Ceiling(layout.Width * MinScale)}px\" role=\"img\" aria-label=\"{Encode(title)}: {Encode(string.Join(" → ", path))}\">"));
        svg.Append(F($"<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{Idle}\"/></marker><marker id=\"arrow-walked\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"9\" markerHeight=\"9\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{Walk}\"/></marker></defs>"));

        // The walked edges last, so where an edge crosses another the path stays on top.
        foreach (var route in layout.Routes.OrderBy(r => On(r.Edge)))
        {
            var on = On(route.Edge);
            var d = "M" + string.Join(" L", route.Points.Select(p => F($"{p.X:0.#},{p.Y:0.#}")));
            svg.Append(F($"<path d=\"{d}\" fill=\"none\" stroke=\"{(on ? Walk : Idle)}\" stroke-width=\"{(on ? "2.5" : "1.2")}\" stroke-linejoin=\"round\" marker-end=\"url(#{(on ? "arrow-walked" : "arrow")})\" data-edge=\"{Encode(route.Edge.Name)}\"{(on ? " data-walked=\"true\"" : "")}/>"));
        }

        foreach (var route in layout.Routes)
        {
            var on = On(route.Edge);
            var b = route.Badge;
            svg.Append(F($"<g class=\"edge-label\" data-edge=\"{Encode(route.Edge.Name)}\"><title>{Encode(Describe(route.Edge, graph, takenFrom.GetValueOrDefault((route.Edge.From, route.Edge.To))))}</title><rect x=\"{b.X:0.##}\" y=\"{b.Y:0.##}\" width=\"{b.Width:0.##}\" height=\"{b.Height:0.##}\" rx=\"{b.Height / 2:0.##}\" fill=\"{(on ? Walk : "#ffffff")}\" stroke=\"{(on ? Walk : Idle)}\"/><text class=\"edge-label\" x=\"{b.CentreX:0.##}\" y=\"{b.Y + b.Height / 2 + 4:0.##}\" text-anchor=\"middle\" font-size=\"{StateGraphLayout.BadgeFontSize}\" font-weight=\"600\" fill=\"{(on ? "#ffffff" : "#1b1f24")}\">{route.Number}</text></g>"));
        }

        foreach (var node in layout.Nodes)
        {
            var (state, box) = (node.State, node.Box);
            if (node.Choice)
            {
                var on = walked.Any(w => w.Item1 == state);
                svg.Append(F($"<g data-state=\"{Encode(state)}\" data-choice=\"true\"><title>a choice: the guard on each way out decides</title><polygon points=\"{box.X:0.#},{box.Y + box.Height / 2:0.#} {box.CentreX:0.#},{box.Y:0.#} {box.Right:0.#},{box.Y + box.Height / 2:0.#} {box.CentreX:0.#},{box.Bottom:0.#}\" fill=\"#ffffff\" stroke=\"{(on ? Walk : Idle)}\" stroke-width=\"{(on ? 2 : 1)}\"/></g>"));
                continue;
            }

            var fill = state == current ? Walk : visited.Contains(state) ? "#d7e7f8" : "#ffffff";
            var text = state == current ? "#ffffff" : "#1b1f24";
            var stroke = visited.Contains(state) ? Walk : Idle;
            svg.Append(F($"<g data-state=\"{Encode(state)}\"{(visited.Contains(state) ? " data-visited=\"true\"" : "")}><rect x=\"{box.X:0.#}\" y=\"{box.Y:0.#}\" width=\"{box.Width:0.#}\" height=\"{box.Height:0.#}\" rx=\"8\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{(visited.Contains(state) ? 2 : 1)}\"/>"));
            svg.Append(F($"<text class=\"state-label\" x=\"{box.CentreX:0.#}\" y=\"{box.Y + box.Height / 2 + 5:0.#}\" text-anchor=\"middle\" font-size=\"{StateGraphLayout.NodeFontSize}\" fill=\"{text}\">{Encode(state)}</text></g>"));
        }

        svg.Append("</svg>");
        svg.Append(F($"<ol class=\"graph-legend\" aria-label=\"{Encode(title)}: the numbered edges\">"));
        foreach (var route in layout.Routes)
        {
            var on = On(route.Edge);
            svg.Append(F($"<li value=\"{route.Number}\" data-edge=\"{Encode(route.Edge.Name)}\"{(on ? " data-walked=\"true\"" : "")}>{Encode(Describe(route.Edge, graph, takenFrom.GetValueOrDefault((route.Edge.From, route.Edge.To))))}</li>"));
        }

        svg.Append("</ol>");
        return new HtmlString(svg.ToString());
    }

    // "Failed → ◇ after Failed: Resume"; a choice has no name of its own (Stateless calls it Decision2), so it is named
    // by the states whose edges lead into it. An edge configured on a superstate to a state outside it says it is taken
    // from any of its steps, and, once walked, from which.
    private static string Describe(StateGraphMermaid.Edge edge, StateGraphMermaid graph, IReadOnlyList<string>? takenFrom = null)
    {
        string Name(string state) => graph.Choices.Contains(state)
            ? "◇ after " + string.Join(" or ", graph.Edges.Where(e => e.To == state).Select(e => e.From).Distinct())
            : state;
        var steps = graph.Parents.Where(p => p.Value == edge.From).Select(p => p.Key).ToList();
        var scope = steps.Count == 0 || edge.From == edge.To || steps.Contains(edge.To) ? "" : $" (from {edge.From} or any of its steps: {string.Join(", ", steps)})";
        var taken = takenFrom is { Count: > 0 } ? $"; taken here from {string.Join(", then ", takenFrom)}" : "";
        return $"{Name(edge.From)} → {Name(edge.To)}" + (edge.Trigger.Length == 0 ? "" : $": {edge.Trigger}") + scope + taken;
    }

    // The transitions the path took. A move decided by a guard goes through a choice node that is no state of its own
    // (A -> choice -> B was walked when A -> B was), and a trigger configured on a superstate is drawn from it (Running
    // --> Failed : Fail), so a move from one of its substates (CreatingShipment -> Failed) walked that edge; takenFrom
    // keeps which substates, for the legend to name (a newcomer read the line from Running as a move Running made).
    private static (HashSet<(string, string)> Walked, Dictionary<(string, string), List<string>> TakenFrom) Walked(
        IReadOnlyList<string> path, StateGraphMermaid graph)
    {
        var (edges, choices, parents) = (graph.Edges, graph.Choices, graph.Parents);
        var walked = new HashSet<(string, string)>();
        var takenFrom = new Dictionary<(string, string), List<string>>();
        void Took((string, string) edge, string from)
        {
            walked.Add(edge);
            if (edge.Item1 != from)
            {
                var froms = takenFrom.TryGetValue(edge, out var known) ? known : takenFrom[edge] = [];
                if (!froms.Contains(from))
                {
                    froms.Add(from);
                }
            }
        }

        foreach (var (from, to) in path.Zip(path.Skip(1)))
        {
            for (var source = from; source is not null; source = parents.GetValueOrDefault(source))
            {
                if (edges.Any(e => e.From == source && e.To == to))
                {
                    Took((source, to), from);
                    break;
                }

                var choice = choices.FirstOrDefault(c => edges.Any(e => e.From == source && e.To == c) && edges.Any(e => e.From == c && e.To == to));
                if (choice is not null)
                {
                    Took((source, choice), from);
                    walked.Add((choice, to));
                    break;
                }
            }
        }

        return (walked, takenFrom);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
