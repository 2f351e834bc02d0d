namespace OrderManagement.Host.Console;

// Places each edge's trigger label where it overlaps no state box, no line and no other label (issue 11: at 1280 px the
// saga graph's labels lay on top of each other, then on the lines). The server cannot measure text, so widths are
// estimated on the wide side (EmWidth of the font size per character, which covers DejaVu Sans and other common sans
// fonts); a label is tried at points along its edge just above and below the line, then further out until a free
// place is found. Lines are obstacles as the points along them, so a label sits beside its own line, never on it.
internal sealed class StateGraphLabels(IReadOnlyList<StateGraphLabels.Box> obstacles)
{
    public const double EmWidth = 0.68;
    public const double LabelFontSize = 12;
    public const double LabelHeight = 16;

    // Points along each line are this far apart at most; a label is wider and taller, so none slips between two.
    private const double LineStep = 4;

    private static readonly double[] AlongEdge = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8];

    private readonly List<Box> _taken = [.. obstacles];

    public readonly record struct Box(double X, double Y, double Width, double Height)
    {
        public double Right => X + Width;

        public double Bottom => Y + Height;

        public bool Overlaps(Box other) => X < other.Right && other.X < Right && Y < other.Bottom && other.Y < Bottom;

        public Box Grown(double by) => new(X - by, Y - by, Width + 2 * by, Height + 2 * by);
    }

    public static double TextWidth(string text, double fontSize) => text.Length * fontSize * EmWidth;

    // A line no label may cover: pointAt(t) for t in 0..1, length its length (at least roughly).
    public void AddLine(Func<double, (double X, double Y)> pointAt, double length)
    {
        var steps = Math.Max(2, (int)Math.Ceiling(length / LineStep));
        for (var i = 0; i <= steps; i++)
        {
            var (x, y) = pointAt((double)i / steps);
            _taken.Add(new Box(x - 1.5, y - 1.5, 3, 3));
        }
    }

    // pointAt(t) is the edge's point at t in 0..1. Returns the label's box (its text is centred in it).
    public Box Place(string text, Func<double, (double X, double Y)> pointAt)
    {
        var width = TextWidth(text, LabelFontSize) + 6;
        for (var ring = 0; ; ring++)
        {
            // Above and below the line, then beside it (for a line that runs downwards), a little further out each ring.
            (double Dx, double Dy)[] offsets = ring == 0
                ? [(0, 0)]
                : [(0, -ring * LabelHeight / 2), (0, ring * LabelHeight / 2), (-(width / 2 + ring * 3), 0), (width / 2 + ring * 3, 0)];
            foreach (var (dx, dy) in offsets)
            {
                foreach (var t in AlongEdge)
                {
                    var (x, y) = pointAt(t);
                    var box = new Box(Math.Max(0, x + dx - width / 2), Math.Max(0, y + dy - LabelHeight / 2), width, LabelHeight);
                    if (!_taken.Any(b => b.Overlaps(box.Grown(1))))
                    {
                        _taken.Add(box);
                        return box;
                    }
                }
            }
        }
    }
}
