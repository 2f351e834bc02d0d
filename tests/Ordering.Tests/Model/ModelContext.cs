using MediatR;
using OrderManagement.TestKit;

namespace OrderManagement.Ordering.Tests.Model;

// What a model run needs from the test's Ordering host: send requests, deliver replies, move the clock, wait for the outbox.
internal sealed class ModelContext(ModuleTestHost host, ManualClock clock, Func<Task> untilDueMessagesDelivered)
{
    public ModuleTestHost Host => host;
    public IServiceProvider Services => host.Services;
    public MessageRecorder Recorder => host.Recorder;

    public Task<T> SendAsync<T>(IRequest<T> request) => host.SendAsync(request);

    public Task DeliverAsync(object reply) =>
        (Task)typeof(ModuleTestHost).GetMethod(nameof(ModuleTestHost.DeliverAsync))!.MakeGenericMethod(reply.GetType())
            .Invoke(host, [reply, OrderingModule.Name, null])!;

    // Past every step's deadline (the payment step has the longest).
    public void PassDeadline() => clock.Advance(OrderingModuleFixture.PaymentStepDeadline + TimeSpan.FromSeconds(1));

    public Task UntilDueMessagesDeliveredAsync() => untilDueMessagesDelivered();
}
