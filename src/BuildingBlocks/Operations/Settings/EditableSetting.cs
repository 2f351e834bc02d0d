using System.Globalization;

namespace OrderManagement.BuildingBlocks.Operations.Settings;

// A configuration key operators may change at run time, and its bounds. A duration is written as hh:mm:ss (or
// d.hh:mm:ss); Min and Max are in seconds for durations, plain numbers for integers. Registered by the module that reads it,
// which must read it through IOptionsMonitor for a change to take effect without a restart.
public sealed record EditableSetting(string Key, string Description, SettingKind Kind, double Min, double Max)
{
    public string? Validate(string value)
    {
        if (Kind == SettingKind.Integer)
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= Min && number <= Max
                ? null
                : $"{Key} must be a whole number from {Min} to {Max}.";
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var duration) && duration.TotalSeconds >= Min && duration.TotalSeconds <= Max
            ? null
            : $"{Key} must be a duration (hh:mm:ss) from {TimeSpan.FromSeconds(Min)} to {TimeSpan.FromSeconds(Max)}.";
    }

    // The canonical text stored for a valid value, so "5" and "05" or "0:0:5" and "00:00:05" compare equal.
    public string Normalize(string value) => Kind == SettingKind.Integer
        ? int.Parse(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)
        : TimeSpan.Parse(value, CultureInfo.InvariantCulture).ToString("c", CultureInfo.InvariantCulture);
}

public enum SettingKind
{
    Integer,
    Duration,
}
