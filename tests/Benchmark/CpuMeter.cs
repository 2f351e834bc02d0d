using System.Globalization;

namespace OrderManagement.Benchmark;

// CPU time from /proc, so the figures can be read per order on a shared machine: a busy neighbour stretches
// wall-clock time but not the CPU time our processes spend per order.
internal static class CpuMeter
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    // utime+stime (and the reaped children's cutime+cstime) of one process, in seconds; null when it is gone.
    public static double? ProcessSeconds(int pid, bool withReapedChildren = false)
    {
        var fields = StatFields(pid);
        if (fields is null)
        {
            return null;
        }

        // After "pid (comm)": [0]=state [1]=ppid ... [11]=utime [12]=stime [13]=cutime [14]=cstime
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        if (withReapedChildren)
        {
            ticks += long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        }

        return ticks / TicksPerSecond;
    }

    // The whole PostgreSQL cluster: the postmaster, every live child, and every child it has already reaped.
    public static double? ClusterSeconds(int postmasterPid)
    {
        var total = ProcessSeconds(postmasterPid, withReapedChildren: true);
        if (total is null)
        {
            return null;
        }

        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            var fields = StatFields(pid);
            if (fields is not null && fields[1] == postmasterPid.ToString(CultureInfo.InvariantCulture))
            {
                total += (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
            }
        }

        return total;
    }

    public static int? ParentOf(int pid)
    {
        var fields = StatFields(pid);
        return fields is null ? null : int.Parse(fields[1], CultureInfo.InvariantCulture);
    }

    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var close = stat.LastIndexOf(')');
            return stat[(close + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
