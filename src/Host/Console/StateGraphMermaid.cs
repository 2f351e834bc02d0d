namespace OrderManagement.Host.Console;

// A Mermaid stateDiagram as Stateless's MermaidGraph writes it: "A --> B : Trigger [guard]" lines, choices declared as
// "state Decision1 <<choice>>" and superstates as "state Running {" ... "}" blocks.
internal sealed record StateGraphMermaid(
    IReadOnlyList<StateGraphMermaid.Edge> Edges, IReadOnlySet<string> Choices, IReadOnlyDictionary<string, string> Parents)
{
    internal sealed record Edge(string From, string To, string Trigger)
    {
        public string Name => $"{From}→{To}";
    }

    // The states that have an edge, in the order the export first names them.
    public IReadOnlyList<string> States => [.. Edges.SelectMany(e => new[] { e.From, e.To }).Distinct(StringComparer.Ordinal)];

    public static StateGraphMermaid Parse(string mermaid)
    {
        var lines = mermaid.Split('\n').Select(line => line.Trim()).ToList();
        return new StateGraphMermaid(ParseEdges(lines), ChoicesOf(lines), Superstates(lines));
    }

    // MermaidGraph also marks the machine's current state ("[*] --> State") and draws an ignored trigger as an arrow from
    // a state to itself; the page shows the current state by the path and leaves out triggers that move nothing.
    private static List<Edge> ParseEdges(List<string> lines) =>
        [.. lines
            .Where(line => line.Contains("-->", StringComparison.Ordinal) && !line.StartsWith("[*]", StringComparison.Ordinal))
            .Select(line =>
            {
                var arrow = line.IndexOf("-->", StringComparison.Ordinal);
                var colon = line.IndexOf(':', arrow);
                var from = line[..arrow].Trim();
                var to = (colon < 0 ? line[(arrow + 3)..] : line[(arrow + 3)..colon]).Trim();
                var trigger = colon < 0 ? "" : line[(colon + 1)..].Trim();
                return new Edge(from, to, trigger);
            })
            .Where(edge => edge.From != edge.To)];

    // Each substate's superstate, for the triggers configured on the superstate.
    private static Dictionary<string, string> Superstates(List<string> lines)
    {
        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        var open = new Stack<string>();
        foreach (var line in lines)
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

    private static HashSet<string> ChoicesOf(List<string> lines) =>
        [.. lines
            .Where(line => line.StartsWith("state ", StringComparison.Ordinal) && line.EndsWith("<<choice>>", StringComparison.Ordinal))
            .Select(line => line["state ".Length..^"<<choice>>".Length].Trim())];
}
