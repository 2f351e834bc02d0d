using System.Globalization;
using System.Text.RegularExpressions;

namespace OrderManagement.Host.Console;

// Free text the console shows as recorded (a last error, a history detail, an audit entry) may carry times and durations
// as the code or a provider wrote them: ISO 8601 timestamps ("2026-12-02T02:32:09.1458330+00:00") and TimeSpans
// ("00:00:12", "00:00:00.2000000"). They are shown the console's way: times as Show.Time writes them, durations in words.
public static partial class ShownText
{
    public static string Of(string? text) =>
        string.IsNullOrEmpty(text)
            ? text ?? ""
            : Durations().Replace(Timestamps().Replace(text, TimeOf), DurationOf);

    // "12 s", "4 min 3 s", "1 h 30 min", "200 ms", "2 d 3 h": the largest units first, none that is zero.
    public static string Duration(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            return "-" + Duration(duration.Negate());
        }

        if (duration < TimeSpan.FromSeconds(1))
        {
            return Number(duration.TotalMilliseconds) + " ms";
        }

        var parts = new List<string>();
        if (duration.Days > 0)
        {
            parts.Add($"{duration.Days} d");
        }

        if (duration.Hours > 0)
        {
            parts.Add($"{duration.Hours} h");
        }

        if (duration.Minutes > 0)
        {
            parts.Add($"{duration.Minutes} min");
        }

        var seconds = duration.Seconds + duration.Milliseconds / 1000.0;
        if (seconds > 0)
        {
            parts.Add(Number(seconds) + " s");
        }

        return string.Join(" ", parts);
    }

    private static string TimeOf(Match match) =>
        DateTimeOffset.TryParse(match.Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? Show.Time(at) : match.Value;

    private static string DurationOf(Match match) =>
        TimeSpan.TryParseExact(match.Value, "c", CultureInfo.InvariantCulture, out var duration) ? Duration(duration) : match.Value;

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Timestamps();

    // [d.]hh:mm:ss[.fffffff], not a clock time inside a date ("2026-12-02 02:32:09 UTC") nor part of a longer number.
    [GeneratedRegex(@"(?<![\d:.])(?<!\d{2} )(?:\d+\.)?\d{2}:\d{2}:\d{2}(?:\.\d{1,7})?(?![\d:])", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Durations();
}
