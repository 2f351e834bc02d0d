using System.Collections.Concurrent;

namespace OrderManagement.BuildingBlocks.Messaging;

// Which modules' dispatchers are running right now, for readiness: a host whose dispatcher has died still answers
// HTTP, but nothing it stores would ever be delivered.
internal sealed class DispatcherStates
{
    private readonly ConcurrentDictionary<string, bool> _running = new();

    public bool IsRunning(string module) => _running.TryGetValue(module, out var running) && running;

    // Marks the module's dispatcher running until the returned handle is disposed (when its loop ends, however).
    public IDisposable Running(string module)
    {
        _running[module] = true;
        return new Stopped(() => _running[module] = false);
    }

    private sealed class Stopped(Action stop) : IDisposable
    {
        public void Dispose() => stop();
    }
}
