using OrderManagement.BuildingBlocks.Observability;

namespace OrderManagement.Host.Lifecycle;

internal static class LifecycleSpans
{
    // What app.RunAsync() does (start, wait for the stop request, stop, dispose), with start and stop each in a span of
    // their own (HostLifecycleTelemetry), so what they log carries a trace id.
    public static async Task RunWithLifecycleSpansAsync(this WebApplication app)
    {
        await using (app)
        {
            using (HostLifecycleTelemetry.Start("host start"))
            {
                await app.StartAsync();
                app.LogReadyLine();
            }

            try
            {
                await Task.Delay(Timeout.Infinite, app.Lifetime.ApplicationStopping);
            }
            catch (OperationCanceledException)
            {
            }

            using (HostLifecycleTelemetry.Start("host stop"))
            {
                await app.StopAsync();
            }
        }
    }
}
