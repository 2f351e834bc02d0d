using System.Globalization;

namespace OrderManagement.BuildingBlocks.Time;

internal static class ClockSkew
{
    // "300.0 s ahead of the database's clock" / "2.5 s behind the database's clock".
    public static string Describe(TimeSpan skew) =>
        string.Create(CultureInfo.InvariantCulture, $"{skew.Duration().TotalSeconds:0.0} s {(skew >= TimeSpan.Zero ? "ahead of" : "behind")} the database's clock");
}
