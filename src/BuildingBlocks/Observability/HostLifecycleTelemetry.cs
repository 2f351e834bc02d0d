using System.Diagnostics;

namespace OrderManagement.BuildingBlocks.Observability;

// Start-up and the drain on SIGTERM are work of their own, outside any request, message or order: each runs in a span
// (a plain activity when nobody listens), so the lines they log (listening addresses, migrations, the drain) carry a
// trace id like every other line (issue 12). Background loops do not become its children: BackgroundLoop starts each
// loop outside any trace.
public static class HostLifecycleTelemetry
{
    private static readonly ActivitySource Source = new(TelemetryNames.Prefix + ".Host");

    public static Activity Start(string name) =>
        Source.StartActivity(name, ActivityKind.Internal) ?? new Activity(name).Start();
}
