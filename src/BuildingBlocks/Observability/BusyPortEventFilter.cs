using Microsoft.AspNetCore.Connections;
using Serilog.Events;

namespace OrderManagement.BuildingBlocks.Observability;

// A listen address already in use is reported once, by Program's start-up failure report;
// the generic host's "Hosting failed to start" event would repeat it with Kestrel's whole stack trace.
internal static class BusyPortEventFilter
{
    private const string GenericHost = "Microsoft.Extensions.Hosting.Internal.Host";

    public static bool IsBusyPort(Exception exception) => exception is IOException { InnerException: AddressInUseException };

    public static bool IsGenericHostReportOfBusyPort(LogEvent logEvent) =>
        logEvent.Exception is { } exception && IsBusyPort(exception)
        && logEvent.Properties.TryGetValue("SourceContext", out var source)
        && source is ScalarValue { Value: GenericHost };
}
