using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderManagement.BuildingBlocks.Observability;

namespace OrderManagement.BuildingBlocks.Lifecycle;

// Replaces the console lifetime. SIGTERM (what an orchestrator or a rolling deploy sends) starts a drain: readiness
// turns 503 at once, the host keeps serving for Shutdown:DrainPeriod, then stops the usual way (Kestrel answers every
// request it has received, the dispatchers finish or roll back what they hold). SIGINT, SIGQUIT or a second SIGTERM
// stop at once.
internal sealed partial class DrainingLifetime(
    IHostApplicationLifetime lifetime,
    ShutdownDrain drain,
    IOptions<ShutdownOptions> options,
    ILogger<DrainingLifetime> logger) : IHostLifetime, IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = [];

    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSigterm));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, StopNow));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGQUIT, StopNow));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void OnSigterm(PosixSignalContext context)
    {
        context.Cancel = true;
        var period = options.Value.DrainPeriod;
        if (!drain.Begin() || period <= TimeSpan.Zero)
        {
            StopNow(context);
            return;
        }

        using (HostLifecycleTelemetry.Start("host drain"))
        {
            LogDraining(logger, period.TotalSeconds);
        }

        _ = Task.Delay(period, lifetime.ApplicationStopping).ContinueWith(_ => lifetime.StopApplication(), TaskScheduler.Default);
    }

    private void StopNow(PosixSignalContext context)
    {
        context.Cancel = true;
        drain.Begin();
        lifetime.StopApplication();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }

    [LoggerMessage(LogLevel.Warning, "SIGTERM received: /health/ready answers 503 from now on; requests are still served for {DrainSeconds} s (Shutdown:DrainPeriod), then the host stops. Send SIGTERM again to stop at once.")]
    private static partial void LogDraining(ILogger logger, double drainSeconds);
}
