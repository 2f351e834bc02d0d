using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Api.Support;

public static class Quiet
{
    // Background work left over from an earlier test (a dispatcher finishing a message) may still write; wait until
    // the row counts have held still for a moment before taking them as the baseline.
    public static async Task<IReadOnlyDictionary<string, long>> WaitUntilQuietAsync(this DatabaseRows rows, TimeSpan? stableFor = null)
    {
        IReadOnlyDictionary<string, long>? last = null;
        var stableSince = DateTime.UtcNow;
        return await Poller.UntilAsync(
            async () =>
            {
                var now = await rows.SnapshotAsync();
                if (last is null || DatabaseRows.Difference(last, now).Length > 0)
                {
                    stableSince = DateTime.UtcNow;
                }

                last = now;
                return now;
            },
            _ => DateTime.UtcNow - stableSince > (stableFor ?? TimeSpan.FromMilliseconds(300)),
            "the database to stop changing");
    }
}
