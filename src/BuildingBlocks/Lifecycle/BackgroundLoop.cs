using System.Diagnostics;
using Microsoft.Extensions.Hosting;

namespace OrderManagement.BuildingBlocks.Lifecycle;

// The base of every background service here. Once the host stops, whatever the loop meets (a cancellation, a data
// source already disposed because the host failed to start) ends it quietly: the generic host reports a background
// service that ends cancelled or failed before StopAsync as "BackgroundService failed" with a stack trace, which on a
// busy port buried the one line that says what to change. A failure while the host runs still ends the loop and is
// reported as before.
public abstract class BackgroundLoop : BackgroundService
{
    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A loop runs for the host's life: it must not inherit the start-up span it was started in (each message or
        // call it handles starts its own trace or continues a stored one).
        Activity.Current = null;
        try
        {
            await RunAsync(stoppingToken);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    // BackgroundService runs ExecuteAsync through Task.Run with the stopping token, so a stop that comes before the loop
    // starts (a failed start) cancels the task without running it; that is a stop too, not a failure.
    public override Task? ExecuteTask => base.ExecuteTask is { } task ? EndedQuietlyWhenCancelled(task) : null;

    protected abstract Task RunAsync(CancellationToken stoppingToken);

    private static async Task EndedQuietlyWhenCancelled(Task task)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException) when (task.IsCanceled)
        {
        }
    }
}
