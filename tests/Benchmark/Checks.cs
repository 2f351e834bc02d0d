using System.Globalization;

namespace OrderManagement.Benchmark;

// Named pass/fail checks, printed one per line; the scenarios end with "N passed, M failed".
internal sealed class Checks
{
    private readonly List<(string Name, bool Ok, string Detail)> _results = [];

    public int Passed => _results.Count(r => r.Ok);
    public int Failed => _results.Count(r => !r.Ok);
    public bool AllOk => Failed == 0;

    public void Add(string name, bool ok, string detail = "")
    {
        _results.Add((name, ok, detail));
        Console.WriteLine($"{(ok ? "PASS" : "FAIL")} {name}{(detail.Length > 0 ? ": " + detail : "")}");
    }

    public string Summary => $"{Passed.ToString(CultureInfo.InvariantCulture)} passed, {Failed.ToString(CultureInfo.InvariantCulture)} failed";
}

internal static class Stats
{
    // Nearest-rank percentile of an ascending array.
    public static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public static double[] Sorted(IEnumerable<double> values)
    {
        var array = values.ToArray();
        Array.Sort(array);
        return array;
    }

    public static string F(double value, string format = "0.0") =>
        double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);

    public static string Summary(double[] sorted, string unit = "ms") =>
        sorted.Length == 0
            ? "no samples"
            : $"p50={F(Percentile(sorted, 50))} p95={F(Percentile(sorted, 95))} p99={F(Percentile(sorted, 99))} max={F(sorted[^1])} {unit} (n={sorted.Length})";
}
