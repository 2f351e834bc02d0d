namespace OrderManagement.Host.Console;

// Where the order page draws a machine's states and edges (ADR 0026). The states stand in one column, ordered so that
// most edges run downwards (edges that close a cycle run upwards). An edge to the state right below its source is a
// short arrow between the two boxes; every other edge leaves its source's side, runs in a lane of its own beside the
// column and enters its target's side, so no edge crosses a state but its own two. Two edges share a lane only if
// their rows overlap at most in one state (a side's ends that run upwards are above those that run downwards); lanes
// are filled on whichever side of the column is emptier. Each edge carries a numbered
// badge in a gap between rows, where no edge runs sideways, on its own lane (lanes are wider apart than a badge):
// the number leads to the edge's trigger and guard in the legend under the graph.
internal sealed record StateGraphLayout(IReadOnlyList<StateGraphLayout.Node> Nodes, IReadOnlyList<StateGraphLayout.Route> Routes, double Width, double Height)
{
    public const double NodeFontSize = 14;
    public const double BadgeFontSize = 11;
    public const double NodeHeight = 32;

    // Text widths are estimated on the wide side, this much of the font size per character (DejaVu Sans and other
    // common sans fonts fit in it): the server cannot measure text.
    private const double EmWidth = 0.68;
    private const double PortGap = 9;
    private const double RowGap = 26;
    private const double LaneGap = 24;
    private const double LaneInset = 14;
    private const double Margin = 12;
    private const double ChoiceHalfWidth = 20;
    private const double BadgeHeight = 16;

    public readonly record struct Box(double X, double Y, double Width, double Height)
    {
        public double Right => X + Width;

        public double Bottom => Y + Height;

        public double CentreX => X + Width / 2;
    }

    public sealed record Node(string State, Box Box, bool Choice);

    public sealed record Route(StateGraphMermaid.Edge Edge, int Number, IReadOnlyList<(double X, double Y)> Points, Box Badge);

    private sealed record Lane(StateGraphMermaid.Edge Edge, int Low, int High, bool Right, int Index);

    private sealed record End(Lane Lane, bool Up);

    public static double TextWidth(string text, double fontSize) => text.Length * fontSize * EmWidth;

    public static StateGraphLayout Of(StateGraphMermaid graph, string? initial)
    {
        var order = Order(graph, initial);
        var row = order.Select((state, i) => (state, i)).ToDictionary(p => p.state, p => p.i, StringComparer.Ordinal);

        var direct = new List<StateGraphMermaid.Edge>();
        var laned = new List<StateGraphMermaid.Edge>();
        foreach (var edge in graph.Edges)
        {
            var adjacent = row[edge.To] == row[edge.From] + 1 && direct.All(d => d.From != edge.From || row[d.To] != row[edge.To]);
            (adjacent ? direct : laned).Add(edge);
        }

        var lanes = AssignLanes(laned, row);
        var ends = order.ToDictionary(s => s, _ => (Left: new List<End>(), Right: new List<End>()), StringComparer.Ordinal);
        foreach (var lane in lanes)
        {
            (lane.Right ? ends[lane.Edge.From].Right : ends[lane.Edge.From].Left).Add(new End(lane, row[lane.Edge.To] < row[lane.Edge.From]));
            (lane.Right ? ends[lane.Edge.To].Right : ends[lane.Edge.To].Left).Add(new End(lane, row[lane.Edge.From] < row[lane.Edge.To]));
        }

        // Top to bottom on a side: ends whose lane runs upwards, inner lanes first; then ends whose lane runs downwards,
        // outer lanes first. So no edge's way to its lane crosses another lane of the same state's side.
        List<End> Sorted(List<End> side) => [.. side.Where(e => e.Up).OrderBy(e => e.Lane.Index), .. side.Where(e => !e.Up).OrderByDescending(e => e.Lane.Index)];
        var sides = ends.ToDictionary(p => p.Key, p => (Left: Sorted(p.Value.Left), Right: Sorted(p.Value.Right)), StringComparer.Ordinal);

        var nodeWidth = Math.Ceiling(Math.Max(140, order.Where(s => !graph.Choices.Contains(s)).Select(s => TextWidth(s, NodeFontSize)).DefaultIfEmpty(0).Max() + 20));
        var leftLanes = lanes.Where(l => !l.Right).Select(l => l.Index + 1).DefaultIfEmpty(0).Max();
        var rightLanes = lanes.Where(l => l.Right).Select(l => l.Index + 1).DefaultIfEmpty(0).Max();
        double Beside(int count) => count == 0 ? 0 : LaneInset + (count - 1) * LaneGap + LaneGap / 2;
        var columnX = Margin + Beside(leftLanes);

        var boxes = new Dictionary<string, Box>(StringComparer.Ordinal);
        var top = Margin;
        foreach (var state in order)
        {
            var height = Math.Max(NodeHeight, (Math.Max(sides[state].Left.Count, sides[state].Right.Count) + 1) * PortGap);
            boxes[state] = graph.Choices.Contains(state)
                ? new Box(columnX + nodeWidth / 2 - ChoiceHalfWidth, top, 2 * ChoiceHalfWidth, height)
                : new Box(columnX, top, nodeWidth, height);
            top += height + RowGap;
        }

        double LaneX(Lane lane) => lane.Right ? columnX + nodeWidth + LaneInset + lane.Index * LaneGap : columnX - LaneInset - lane.Index * LaneGap;

        // Where the end of a lane meets its state's side: a box's edge, or a choice's diamond outline at that height.
        (double X, double Y) Port(string state, Lane lane)
        {
            var side = lane.Right ? sides[state].Right : sides[state].Left;
            var box = boxes[state];
            var y = box.Y + box.Height * (side.FindIndex(e => e.Lane == lane) + 1) / (side.Count + 1);
            var reach = graph.Choices.Contains(state) ? ChoiceHalfWidth * (1 - Math.Abs(y - box.Y - box.Height / 2) / (box.Height / 2)) : box.Width / 2;
            return (box.CentreX + (lane.Right ? reach : -reach), y);
        }

        // The middle of the gap below (or above) a row.
        double GapBelow(int r) => (boxes[order[r]].Bottom + boxes[order[r + 1]].Y) / 2;

        var routes = new List<(StateGraphMermaid.Edge Edge, List<(double X, double Y)> Points, (double X, double Y) Badge)>();
        foreach (var edge in direct)
        {
            var (from, to) = (boxes[edge.From], boxes[edge.To]);
            routes.Add((edge, [(from.CentreX, from.Bottom), (to.CentreX, to.Y)], (from.CentreX + 8, GapBelow(row[edge.From]))));
        }

        foreach (var lane in lanes)
        {
            var (start, end) = (Port(lane.Edge.From, lane), Port(lane.Edge.To, lane));
            var x = LaneX(lane);
            var down = row[lane.Edge.To] > row[lane.Edge.From];
            var badgeY = GapBelow(down ? row[lane.Edge.From] : row[lane.Edge.From] - 1);
            routes.Add((lane.Edge, [start, (x, start.Y), (x, end.Y), end], (x, badgeY)));
        }

        var named = graph.Edges.ToList();
        var numbered = routes
            .OrderBy(r => row[r.Edge.From]).ThenBy(r => row[r.Edge.To]).ThenBy(r => named.IndexOf(r.Edge))
            .Select((r, i) =>
            {
                var width = TextWidth((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), BadgeFontSize) + 5;
                // A direct arrow's badge stands right of its arrow; a lane's badge is centred on its lane.
                var x = r.Points.Count == 2 ? r.Badge.X : r.Badge.X - width / 2;
                return new Route(r.Edge, i + 1, r.Points, new Box(x, r.Badge.Y - BadgeHeight / 2, width, BadgeHeight));
            })
            .ToList();

        var nodes = order.Select(s => new Node(s, boxes[s], graph.Choices.Contains(s))).ToList();
        var width = Math.Ceiling(columnX + nodeWidth + Beside(rightLanes) + Margin);
        return new StateGraphLayout(nodes, numbered, width, Math.Ceiling(Math.Max(top - RowGap, Margin) + Margin));
    }

    // Shortest edges take the inner lanes. An edge goes on the side where the lowest free lane is nearer the column
    // (downwards edges on the right, upwards on the left when both are as near).
    private static List<Lane> AssignLanes(List<StateGraphMermaid.Edge> edges, Dictionary<string, int> row)
    {
        var lanes = new List<Lane>();
        foreach (var edge in edges.OrderBy(e => Math.Abs(row[e.To] - row[e.From])).ThenBy(edges.IndexOf))
        {
            var (low, high) = (Math.Min(row[edge.From], row[edge.To]), Math.Max(row[edge.From], row[edge.To]));
            int Free(bool right) => Enumerable.Range(0, edges.Count + 1)
                .First(i => !lanes.Any(l => l.Right == right && l.Index == i && l.Low < high && low < l.High));
            var preferRight = row[edge.To] > row[edge.From];
            var (preferred, other) = (Free(preferRight), Free(!preferRight));
            lanes.Add(other < preferred ? new Lane(edge, low, high, !preferRight, other) : new Lane(edge, low, high, preferRight, preferred));
        }

        return lanes;
    }

    // States top to bottom: a topological order of the edges that close no cycle (found by a depth-first walk from the
    // initial state), taking next, where it can, the first-named target of the state just placed, so a machine's main
    // way (Pending, Confirmed, Shipped, Delivered) reads straight down.
    private static List<string> Order(StateGraphMermaid graph, string? initial)
    {
        var states = graph.States;
        var edges = graph.Edges;
        var mark = new Dictionary<string, int>(StringComparer.Ordinal);
        var closing = new HashSet<StateGraphMermaid.Edge>();
        void Walk(string state)
        {
            mark[state] = 1;
            foreach (var edge in edges.Where(e => e.From == state))
            {
                var seen = mark.GetValueOrDefault(edge.To);
                if (seen == 1)
                {
                    closing.Add(edge);
                }
                else if (seen == 0)
                {
                    Walk(edge.To);
                }
            }

            mark[state] = 2;
        }

        foreach (var root in states.Where(s => s == initial).Concat(states))
        {
            if (!mark.ContainsKey(root))
            {
                Walk(root);
            }
        }

        var forward = edges.Where(e => !closing.Contains(e)).ToList();
        var incoming = states.ToDictionary(s => s, s => forward.Count(e => e.To == s), StringComparer.Ordinal);
        var order = new List<string>();
        while (order.Count < states.Count)
        {
            var ready = states.Where(s => incoming[s] == 0 && !order.Contains(s)).ToList();
            var next = order.Count == 0
                ? ready.FirstOrDefault(s => s == initial) ?? ready[0]
                : forward.Where(e => e.From == order[^1]).Select(e => e.To).FirstOrDefault(ready.Contains) ?? ready[0];
            order.Add(next);
            foreach (var edge in forward.Where(e => e.From == next))
            {
                incoming[edge.To]--;
            }
        }

        return order;
    }
}
