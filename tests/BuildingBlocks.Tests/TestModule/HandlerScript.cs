using System.Collections.Concurrent;

namespace OrderManagement.BuildingBlocks.Tests.TestModule;

// Tells the test module's handlers, per note text, to fail a number of times or to wait before succeeding.
internal sealed class HandlerScript
{
    private readonly ConcurrentDictionary<string, int> _failuresLeft = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _holds = new();
    private readonly ConcurrentDictionary<string, Func<Exception>> _errors = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _entered = new();

    public void Fail(string text, int times) => _failuresLeft[text] = times;

    // Fails with this exception instead of the default InvalidOperationException.
    public void FailWith(string text, int times, Func<Exception> error)
    {
        _errors[text] = error;
        Fail(text, times);
    }

    public void FailAlways(string text) => Fail(text, int.MaxValue);

    public TaskCompletionSource HoldSuccess(string text) =>
        _holds.GetOrAdd(text, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    // Completes once a handler has started on this text (for a held one: is waiting for its release).
    public Task Entered(string text) => EnteredSource(text).Task;

    public async Task RunAsync(string text, CancellationToken cancellationToken)
    {
        EnteredSource(text).TrySetResult();
        if (_failuresLeft.TryGetValue(text, out var left) && left > 0)
        {
            _failuresLeft[text] = left - 1;
            throw _errors.TryGetValue(text, out var error) ? error() : new InvalidOperationException($"Scripted failure for '{text}'.");
        }

        if (_holds.TryGetValue(text, out var hold))
        {
            await hold.Task.WaitAsync(cancellationToken);
        }
    }

    private TaskCompletionSource EnteredSource(string text) =>
        _entered.GetOrAdd(text, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
