using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Inventory.Contracts;
using OrderManagement.Ordering.Contracts;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.OrderHistory;
using OrderManagement.Ordering.Operations.Stalls;
using OrderManagement.Ordering.Orders;
using OrderManagement.Ordering.Persistence;
using OrderManagement.Payments.Contracts;
using OrderManagement.Shipping.Contracts;
using MermaidGraph = Stateless.Graph.MermaidGraph;

namespace OrderManagement.Ordering.Operations.Dossier;

internal sealed record GetDossierQuery(Guid OrderId) : IQuery<OrderDossier?>;

// The order page's data: Ordering's own records, the other modules' parts through their query contracts, and the
// merged history that the storefront's /history also shows.
internal sealed class GetDossierHandler(
    OrderingDbContext db, TimeProvider time,
    IMediator mediator,
    IInventoryQueries inventory,
    IPaymentQueries payments,
    IShippingQueries shipping,
    NpgsqlDataSource dataSource,
    IOptionsMonitor<StallOptions> stalls,
    StallOutlooks outlooks,
    IOptionsMonitor<FulfilmentOptions> fulfilment) : IRequestHandler<GetDossierQuery, OrderDossier?>
{
    private static readonly string[] ManualEvents = ["OperatorRetry", "CancellationRequested", "DeadLetterReplayed"];

    public async Task<OrderDossier?> Handle(GetDossierQuery query, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == query.OrderId, cancellationToken);
        if (order is null)
        {
            return null;
        }

        var saga = await db.Sagas.AsNoTracking().FirstOrDefaultAsync(s => s.OrderId == order.Id, cancellationToken);
        var history = await mediator.Send(new OrderHistoryQuery(order.Id), cancellationToken);
        var changes = await db.History.AsNoTracking()
            .Where(h => h.OrderId == order.Id && (h.Subject == "Order" || h.Subject == "Saga") && h.FromState != h.ToState)
            .OrderBy(h => h.Id)
            .Select(h => new { h.Subject, h.Event, h.ToState })
            .ToListAsync(cancellationToken);

        return new OrderDossier(
            Details(order),
            saga is null ? null : Details(saga, fulfilment.CurrentValue.MaxStepAttempts),
            saga is null ? null : await StallOf(saga, cancellationToken),
            await PartsAsync(order.Id, cancellationToken),
            [.. history.Entries.Select(e => new TimelineEntry(e.Sequence, e.OccurredAt, e.Module, e.Event, e.FromState, e.ToState, e.Detail,
                ManualEvents.Contains(e.Event), e.TraceId))],
            new StateGraph("Order", MermaidGraph.Format(OrderStateMachine.For(order).GetInfo()),
                PathOf(nameof(OrderStatus.Pending), changes.Where(c => c.Subject == "Order").Select(c => c.ToState), Enum.GetNames<OrderStatus>())),
            saga is null ? null : new StateGraph("Fulfilment saga", MermaidGraph.Format(SagaStateMachine.For(saga).GetInfo()),
                PathOf(nameof(SagaState.Running), SagaStatesOf(changes.Where(c => c.Subject == "Saga").Select(c => (c.Event, c.ToState))), Enum.GetNames<SagaState>())));
    }

    private async Task<StallReport?> StallOf(FulfilmentSaga saga, CancellationToken cancellationToken)
    {
        var since = await StallQueries.StepStartedAsync(dataSource, saga, cancellationToken);
        var wait = new SagaWait(saga.OrderId, saga.Status, saga.CurrentStep, saga.Attempts, saga.LastError, saga.NextAttemptAt, since);
        return StallDetection.Inspect(wait, stalls.CurrentValue, time.GetUtcNow(), await outlooks.ForAsync(wait, cancellationToken))?.ToReport();
    }

    private async Task<IReadOnlyList<PartSnapshot>> PartsAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var parts = new List<PartSnapshot>();
        if (await inventory.GetReservationAsync(orderId, cancellationToken) is { } reservation)
        {
            parts.Add(new PartSnapshot(ModuleName.Inventory, OrderPart.Reservation, reservation.Id, reservation.Status,
                string.Join(", ", reservation.Lines.Select(l => $"{l.Quantity} × {l.Sku}")), reservation.UpdatedAt));
        }

        if (await payments.GetPaymentAsync(orderId, cancellationToken) is { } payment)
        {
            parts.Add(new PartSnapshot(ModuleName.Payments, OrderPart.Payment, payment.Id, payment.Status,
                $"{payment.Amount:0.00} {payment.Currency}; provider attempts {payment.Attempts} of {payment.MaxAttempts} (calls to the payment provider)"
                + (payment.NextAttemptAt is { } next ? $"; next provider attempt {StallDetection.Time(next)}" : "")
                + (payment.LastError is null ? "" : $"; last error: {payment.LastError}"), payment.UpdatedAt));
        }

        if (await shipping.GetShipmentAsync(orderId, cancellationToken) is { } shipment)
        {
            parts.Add(new PartSnapshot(ModuleName.Shipping, OrderPart.Shipment, shipment.Id, shipment.Status,
                shipment.TrackingNumber is null ? "not dispatched" : $"{shipment.Carrier} {shipment.TrackingNumber}", shipment.UpdatedAt));
        }

        return parts;
    }

    // The saga's history names a status (SagaCompleted: "Completed") or a step (StepStarted: "ReserveStock"); the graph
    // draws SagaDefinition's states, where each step is the state that waits for it.
    private static string? SagaStateNameOf(string? name) =>
        Enum.TryParse<SagaStep>(name, out var step) && step != SagaStep.None ? SagaDefinition.Of(step).State.ToString() : name;

    // A resumed saga's history says "Failed -> Running" (or Compensating), but the graph resumes into the state of the
    // step that failed (Failed --> CreatingShipment : Resume): the path goes back to that step's state, so a failed and
    // retried order shows its way through Failed and back.
    private static IEnumerable<string?> SagaStatesOf(IEnumerable<(string Event, string? ToState)> changes)
    {
        string? lastStep = null;
        foreach (var (@event, name) in changes)
        {
            var state = SagaStateNameOf(name);
            if (Enum.TryParse<SagaStep>(name, out var step) && step != SagaStep.None)
            {
                lastStep = state;
            }

            yield return @event == SagaStateMachine.EventOf(SagaTrigger.Resume, SagaStatus.Running) && lastStep is not null ? lastStep : state;
        }
    }

    private static IReadOnlyList<string> PathOf(string initial, IEnumerable<string?> states, string[] known)
    {
        var path = new List<string> { initial };
        foreach (var state in states.OfType<string>().Where(s => known.Contains(s)))
        {
            if (path[^1] != state)
            {
                path.Add(state);
            }
        }

        return path;
    }

    private static OrderDetails Details(Order order) => new(
        order.Id, order.CustomerId, order.Status, order.RejectionReason, order.Total, order.Currency,
        [.. order.Lines.Select(l => new OrderLineDetails(l.Sku, l.Quantity, l.UnitPrice))], order.PaymentMethod, order.CreatedAt, order.UpdatedAt,
        HoldView.Of(order) is { } hold ? new HoldDetails(hold.Reasons, hold.HeldAt, hold.ExpiresAt) : null);

    private static SagaDetails Details(FulfilmentSaga saga, int maxStepAttempts) => new(
        saga.Status, SagaView.StepOf(saga.CurrentStep), saga.Attempts, saga.LastError,
        saga.StartedAt, saga.UpdatedAt, saga.NextAttemptAt, saga.CancelRequested, saga.Outcome, maxStepAttempts,
        saga.CurrentStep == SagaStep.None ? null : SagaDefinition.Of(saga.CurrentStep).CommandType.Name);
}
