namespace OrderManagement.Host.Console;

// Places each edge's trigger label where it overlaps no state box and no other label (issue 11: at 1280 px the saga
// graph's labels lay on top of each other). The server cannot measure text, so widths are estimated on the wide side
// (EmWidth of the font size per character, which covers DejaVu Sans and other common sans fonts); a label is tried at
// points along its edge and just above and below them, then further out until a free place is found.
internal sealed class StateGraphLabels(IReadOnlyList<StateGraphLabels.Box> obstacles)
{
    public const double EmWidth = 0.68;
    public const double LabelFontSize = 11;
    public const double LabelHeight = 15;

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

    // pointAt(t) is the edge's point at t in 0..1. Returns the label's box (its text is centred in it).
    public Box Place(string text, Func<double, (double X, double Y)> pointAt)
    {
        var width = TextWidth(text, LabelFontSize) + 6;
        for (var ring = 0; ; ring++)
        {
            var offsets = ring == 0 ? [0.0] : new[] { -ring * LabelHeight, ring * LabelHeight };
            foreach (var offset in offsets)
            {
                foreach (var t in AlongEdge)
                {
                    var (x, y) = pointAt(t);
                    var box = new Box(Math.Max(0, x - width / 2), Math.Max(0, y + offset - LabelHeight / 2), width, LabelHeight);
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
