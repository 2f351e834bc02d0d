using Microsoft.AspNetCore.Connections;

namespace OrderManagement.Host.Lifecycle;

// A taken port is an everyday mistake, not a crash: one line naming the setting instead of Kestrel's stack trace
// (the generic host's own report of it is filtered out in LoggingSetup).
internal static class BusyPort
{
    public const int ExitCode = 1;

    public static int RunUntilShutdown(this WebApplication app)
    {
        try
        {
            app.Start();
        }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            app.Logger.LogCritical(
                "Cannot start: {Reason} Stop the program that holds the port, or set ASPNETCORE_URLS to a free address (now {Urls})",
                e.Message, app.Configuration[WebHostDefaults.ServerUrlsKey] ?? "the default http://localhost:5000");
            // Stopping (not just disposing) tells the background services that their cancellation is a shutdown.
            app.StopAsync().GetAwaiter().GetResult();
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return ExitCode;
        }

        app.WaitForShutdown();
        app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return 0;
    }
}
