using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Inventory.Contracts;
using OrderManagement.Ordering.CancelOrder;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.GetOrder;
using OrderManagement.Ordering.Operations;
using OrderManagement.Ordering.Orders;
using OrderManagement.Ordering.Persistence;
using OrderManagement.Ordering.Review;
using OrderManagement.Payments.Contracts;
using OrderManagement.Shipping.Contracts;
using OrderManagement.TestKit;

namespace OrderManagement.Ordering.Tests.Model;

// One scenario against the real Ordering module: the saga's commands go to the model world, the world's answers come
// back through Ordering's inbox in whatever order the scenario says, and the contract's invariants are checked after
// every step. A violation throws, naming the step and everything that led to it.
internal sealed class SagaModelRun(ModelContext context, Guid orderId, ModelWorld world, bool review = false)
{
    private static readonly OrderStatus[] FinalStatuses = [OrderStatus.Confirmed, OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Cancelled, OrderStatus.Rejected];

    private readonly List<object> _commands = [];
    private readonly List<object> _replies = [];
    private readonly List<object> _delivered = [];
    private readonly StringBuilder _trace = new();
    private int _recorded;
    private bool _cancelAccepted;
    private bool _lateHold;
    private bool _approved;
    private bool _dispatchDeadLettered;

    public async Task RunAsync(Scenario scenario)
    {
        _trace.Append(scenario.InStock ? "in stock" : "out of stock").Append(", payment ").Append(scenario.Payment).AppendLine();
        await CollectCommandsAsync();
        foreach (var action in scenario.Actions)
        {
            await StepAsync(action);
        }

        await SettleAsync();
    }

    private async Task StepAsync(SagaAction action)
    {
        var order = await OrderAsync();
        _trace.Append(action).Append(": ");
        switch (action.Kind)
        {
            case ActionKind.ProcessCommand when _commands.Count > 0:
                Answer(world.Process(Take(_commands, action.Pick)), order);
                break;
            case ActionKind.DeliverReply when _replies.Count > 0:
                await DeliverAsync(Take(_replies, action.Pick));
                break;
            case ActionKind.RepeatReply when _delivered.Count > 0:
                await DeliverAsync(_delivered[action.Pick % _delivered.Count]);
                break;
            case ActionKind.DeadLetterCommand when _commands.Count > 0:
                await DeadLetterAsync(Take(_commands, action.Pick), ConsumerOf);
                break;
            case ActionKind.DeadLetterReply when _replies.Count > 0:
                var reply = Take(_replies, action.Pick);
                _dispatchDeadLettered |= reply is ShipmentDispatched;
                await DeadLetterAsync(reply, _ => OrderingModule.Name);
                break;
            case ActionKind.PassDeadline:
                context.PassDeadline();
                _trace.Append("clock moved past the step deadlines");
                break;
            case ActionKind.Cancel:
                await CancelAsync();
                break;
            case ActionKind.OperatorRetry:
                await RetryAsync();
                break;
            case ActionKind.ProviderAnswers:
                Answer(world.ProviderAnswers(), order);
                break;
            case ActionKind.Dispatch when order.Status is OrderStatus.Pending or OrderStatus.Confirmed:
                Answer(world.Dispatch(), order);
                break;
            case ActionKind.ApproveReview or ActionKind.RejectReview:
                await DecideAsync(action.Kind == ActionKind.ApproveReview);
                break;
            case ActionKind.Restock:
                world.Restock();
                _trace.Append("stock arrives");
                break;
            default:
                _trace.Append("nothing to do");
                break;
        }

        await context.UntilDueMessagesDeliveredAsync();
        await CollectCommandsAsync();
        _trace.Append(" -> ").AppendLine(await StateAsync());
        await CheckInvariantsAsync();
    }

    // Every module answers everything, the provider answers, deadlines pass: where the order ends without an operator.
    private async Task SettleAsync()
    {
        _trace.AppendLine("-- settling: every module answers, nothing is lost");
        await QuiesceAsync();
        var order = await OrderAsync();
        if (order.Status is OrderStatus.Pending or OrderStatus.Confirmed && _cancelAccepted && world.Shipment != Shipment.Dispatched)
        {
            // A cancel was accepted: it must be carried out without an operator. If the saga is stuck, a repeated
            // cancel must either move it or say why not (409); a 202 that changes nothing is the fault.
            await StepAsync(new SagaAction(ActionKind.Cancel, 0));
            await QuiesceAsync();
            order = await OrderAsync();
            Require(order.Status == OrderStatus.Cancelled, $"a cancel was accepted with 202, yet the order ends {order.Status} ({world.Describe()})");
        }

        for (var round = 0; round < 3 && (await SagaAsync()).Status == SagaStatus.Failed; round++)
        {
            _trace.AppendLine("-- the saga is Failed: an operator retries it");
            await StepAsync(new SagaAction(ActionKind.OperatorRetry, 0));
            await QuiesceAsync();
        }

        order = await OrderAsync();
        var saga = await SagaAsync();
        Require(FinalStatuses.Contains(order.Status), $"the order never leaves {order.Status}");
        Require(saga.Status is SagaStatus.Completed or SagaStatus.Compensated, $"the saga ends {saga.Status}");
        Require(!_cancelAccepted || order.Status == OrderStatus.Cancelled || world.Shipment == Shipment.Dispatched,
            $"a cancel was accepted with 202, yet the order ends {order.Status}");
        if (order.Status is OrderStatus.Cancelled or OrderStatus.Rejected)
        {
            Require(!world.HoldsAnything, $"the {order.Status} order still holds something once everything settled: {world.Describe()}");
        }

        if (review && !_approved)
        {
            Require(order.Status is OrderStatus.Cancelled or OrderStatus.Rejected, $"an order held for review ends {order.Status} though nobody approved it");
            Require(order.Status != OrderStatus.Rejected || order.RejectionReason is RejectionReason.RejectedInReview or RejectionReason.OutOfStock,
                $"a held order nobody approved ends Rejected {order.RejectionReason}");
        }

        // A dead-lettered ShipmentDispatched waits for an operator's replay: until then the order stays Confirmed.
        if (order.Status == OrderStatus.Confirmed)
        {
            Require(world is { Reservation: Reservation.Reserved, Payment: Payment.Authorized, Shipment: Shipment.ReadyToShip }
                    || (_dispatchDeadLettered && world is { Reservation: Reservation.Reserved, Payment: Payment.Authorized, Shipment: Shipment.Dispatched }),
                $"a Confirmed order must hold its stock, authorization and shipment: {world.Describe()}");
        }
    }

    private async Task QuiesceAsync()
    {
        for (var round = 0; round < 60; round++)
        {
            var saga = await SagaAsync();
            if (_commands.Count > 0)
            {
                await StepAsync(new SagaAction(ActionKind.ProcessCommand, 0));
            }
            else if (_replies.Count > 0)
            {
                await StepAsync(new SagaAction(ActionKind.DeliverReply, 0));
            }
            else if (world.Payment == Payment.Pending)
            {
                await StepAsync(new SagaAction(ActionKind.ProviderAnswers, 0));
            }
            else if (saga.Status is SagaStatus.Running or SagaStatus.Compensating)
            {
                await StepAsync(new SagaAction(ActionKind.PassDeadline, 0));
            }
            else
            {
                return;
            }
        }

        Fail("the saga never came to rest");
    }

    private async Task CheckInvariantsAsync()
    {
        var order = await OrderAsync();
        var saga = await SagaAsync();
        Require(world.Authorizations <= 1, "more than one authorization");
        Require(order.Hold is null || (order.Status == OrderStatus.Pending && saga.CurrentStep == SagaStep.ReviewOrder),
            $"the order shows a hold while {order.Status} at {saga.CurrentStep}");
        Require(!review || _approved || world.Payment == Payment.None, $"the payment was authorized before anyone approved the held order: {world.Describe()}");
        Require(review || order.Hold is null, "an order was held with review off");
        Require(world.Payment != Payment.Captured || order.Status is OrderStatus.Shipped or OrderStatus.Delivered, $"payment captured for a {order.Status} order");
        Require(order.Status is not (OrderStatus.Cancelled or OrderStatus.Rejected) || saga.Status == SagaStatus.Compensated,
            $"the order is {order.Status} but its saga is {saga.Status}");
        // A hold may outlive the order only while the saga cannot know of it: taken late (after the order ended), or
        // announced by a reply still in flight. Once everything settled nothing may be held (QuiesceAsync).
        Require(order.Status is not (OrderStatus.Cancelled or OrderStatus.Rejected) || !world.HoldsAnything || _lateHold || HoldAnnouncedInFlight(),
            $"the {order.Status} order holds {world.Describe()}");
        Require(saga.Status is not (SagaStatus.Running or SagaStatus.Compensating) || saga.NextAttemptAt is not null,
            $"the saga is {saga.Status} at {saga.CurrentStep} with no deadline: it would wait forever");
        Require(!(saga.CancelRequested && saga.Status == SagaStatus.Failed && saga.Outcome != SagaOutcome.Cancelled),
            $"the saga failed at {saga.CurrentStep} and dropped the pending cancel");
    }

    private bool HoldAnnouncedInFlight() => _replies.Any(r => r is StockReserved or PaymentAuthorized or ShipmentCreated);

    private void Answer(object? reply, OrderView orderBefore)
    {
        if (reply is null)
        {
            _trace.Append("no answer");
            return;
        }

        if (orderBefore.Status is OrderStatus.Cancelled or OrderStatus.Rejected && world.HoldsAnything)
        {
            _lateHold = true;
        }

        _replies.Add(reply);
        _trace.Append("module answers ").Append(reply.GetType().Name);
    }

    private async Task DeliverAsync(object reply)
    {
        _trace.Append("deliver ").Append(reply.GetType().Name);
        await context.DeliverAsync(reply);
        _delivered.Add(reply);
    }

    private async Task DeadLetterAsync(object message, Func<object, string> consumer)
    {
        _trace.Append("dead-letter ").Append(message.GetType().Name);
        var types = context.Services.GetRequiredService<MessageTypeMap>();
        var notice = new DeadLetterNotice(Guid.NewGuid(), consumer(message), types.NameOf(message.GetType()),
            JsonSerializer.Serialize(message, message.GetType(), MessageSerializer.Options), "InvalidOperationException: the handler kept failing");
        foreach (var listener in context.Services.GetServices<IDeadLetterListener>())
        {
            await listener.OnDeadLetteredAsync(notice, CancellationToken.None);
        }
    }

    private async Task CancelAsync()
    {
        var before = await OrderAsync();
        try
        {
            var result = await context.SendAsync(new CancelOrderCommand(orderId, "model", "model-test"));
            if (result.AlreadyCancelled)
            {
                _trace.Append("cancel -> 200");
                Require(before.Status == OrderStatus.Cancelled, $"cancel answered 200 for a {before.Status} order");
                return;
            }

            _trace.Append("cancel -> 202");
            Require(before.Status is OrderStatus.Pending or OrderStatus.Confirmed, $"cancel answered 202 for a {before.Status} order");
            _cancelAccepted = true;
        }
        catch (ConflictException conflict)
        {
            _trace.Append("cancel -> 409 ").Append(conflict.Code);
            Require(!string.IsNullOrWhiteSpace(conflict.Message), "a 409 must say why");
        }
    }

    // An operator's review decision: carried out only while the order is held, else a 409 that says why.
    private async Task DecideAsync(bool approve)
    {
        var held = (await OrderAsync()).Hold is not null;
        try
        {
            _ = approve
                ? await context.SendAsync(new ApproveReviewCommand(orderId, null, "model-operator"))
                : await context.SendAsync(new RejectReviewCommand(orderId, "model rejects", "model-operator"));
            _trace.Append(approve ? "approve -> 200" : "reject -> 200");
            Require(held, "a review decision was accepted for an order that was not held");
            _approved |= approve;
        }
        catch (ConflictException conflict)
        {
            _trace.Append(approve ? "approve -> 409 " : "reject -> 409 ").Append(conflict.Code);
            Require(!held || conflict.Code == "concurrent-update", $"a held order's review decision was refused: {conflict.Message}");
        }
    }

    private async Task RetryAsync()
    {
        try
        {
            await context.SendAsync(new RetrySagaCommand(orderId, "model-operator", "model retry"));
            _trace.Append("retry -> 202");
        }
        catch (ConflictException conflict)
        {
            _trace.Append("retry -> 409 ").Append(conflict.Code);
        }
    }

    private async Task CollectCommandsAsync()
    {
        var all = context.Recorder.Received<object>().Where(m => OrderIdOf(m) == orderId).ToList();
        _commands.AddRange(all.Skip(_recorded));
        _recorded = all.Count;
        await Task.CompletedTask;
    }

    private Task<OrderView> OrderAsync() => context.SendAsync(new GetOrderQuery(orderId));

    private Task<FulfilmentSaga> SagaAsync() =>
        context.Host.InScopeAsync(sp => sp.GetRequiredService<OrderingDbContext>().Sagas.AsNoTracking().FirstAsync(s => s.OrderId == orderId));

    private async Task<string> StateAsync()
    {
        var order = await OrderAsync();
        var saga = await SagaAsync();
        return $"order {order.Status}, saga {saga.Status} at {saga.CurrentStep} (attempt {saga.Attempts}, cancel {(saga.CancelRequested ? "pending" : "none")}), " +
               $"{world.Describe()}, {_commands.Count} commands and {_replies.Count} replies waiting";
    }

    private void Require(bool condition, string violation)
    {
        if (!condition)
        {
            Fail(violation);
        }
    }

    private void Fail(string violation) => throw new ModelViolation($"{violation}\n{_trace}");

    private static T Take<T>(List<T> items, int pick)
    {
        var item = items[pick % items.Count];
        items.RemoveAt(pick % items.Count);
        return item;
    }

    private static string ConsumerOf(object command) => command switch
    {
        ReserveStock or ReleaseStock or CommitStock => OrderingModuleFixture.Inventory,
        AuthorizePayment or VoidPayment or CapturePayment => OrderingModuleFixture.Payments,
        _ => OrderingModuleFixture.Shipping,
    };

    private static Guid? OrderIdOf(object message) => message.GetType().GetProperty("OrderId")?.GetValue(message) as Guid?;
}

internal sealed class ModelViolation(string message) : Exception(message);
