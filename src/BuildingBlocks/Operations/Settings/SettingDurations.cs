using System.Globalization;
using System.Text.RegularExpressions;

namespace OrderManagement.BuildingBlocks.Operations.Settings;

// Durations as people write and read them: "500 ms", "30 s", "2 min", "1.5 h", "1 d", or a TimeSpan ([d.]hh:mm:ss).
// Words() is exact (no rounding), so what the settings page shows is the value in effect.
public static partial class SettingDurations
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (WithUnit().Match(text.Trim()) is { Success: true } match
            && double.TryParse(match.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            var seconds = match.Groups[2].Value.ToLowerInvariant() switch
            {
                "ms" => number / 1000,
                "s" or "sec" => number,
                "min" => number * 60,
                "h" => number * 3600,
                _ => number * 86400,
            };
            if (seconds > TimeSpan.MaxValue.TotalSeconds / 2)
            {
                return false;
            }

            duration = TimeSpan.FromMilliseconds(Math.Round(seconds * 1000));
            return true;
        }

        return TimeSpan.TryParse(text.Trim(), CultureInfo.InvariantCulture, out duration) && !text.Any(char.IsControl);
    }

    public static TimeSpan Parse(string text) =>
        TryParse(text, out var duration) ? duration : throw new FormatException($"'{text}' is not a duration.");

    public static string Words(TimeSpan duration) => duration switch
    {
        { Ticks: 0 } => "0 s",
        _ when duration.Ticks % TimeSpan.TicksPerDay == 0 => Number(duration.TotalDays) + " d",
        _ when duration.Ticks % TimeSpan.TicksPerHour == 0 => Number(duration.TotalHours) + " h",
        _ when duration.Ticks % TimeSpan.TicksPerMinute == 0 => Number(duration.TotalMinutes) + " min",
        _ when duration.TotalSeconds >= 1 || duration.Ticks % TimeSpan.TicksPerMillisecond != 0 => Number(duration.TotalSeconds) + " s",
        _ => Number(duration.TotalMilliseconds) + " ms",
    };

    // A stored value in words, as written when it is not a duration (a number, a flag, a list).
    public static string WordsOrText(string value) => TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var duration) && value.Contains(':', StringComparison.Ordinal)
        ? Words(duration)
        : value;

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*(ms|s|sec|min|h|d)\z", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WithUnit();
}
