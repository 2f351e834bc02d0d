using OrderManagement.Inventory.Contracts;
using OrderManagement.Ordering.Orders;
using OrderManagement.Ordering.Review;
using OrderManagement.Payments.Contracts;
using OrderManagement.Shipping.Contracts;
using static OrderManagement.Ordering.Fulfilment.SagaReply;

namespace OrderManagement.Ordering.Fulfilment;

// The order fulfilment saga on one screen. The forward steps run top to bottom; when one is refused or the order is
// cancelled, every forward step that holds something is undone by its compensation, bottom to top. Each row: the step,
// its state, the module that answers, its deadline, the command it sends, the replies it awaits (each mapped to the
// trigger it fires) and the step that undoes it. Adding a step is one row here and one message handler (ADR 0015).
internal static class SagaDefinition
{
    // Written on every saga this definition starts; sagas of version 1 (status, step and held flags) were mapped to it
    // by migration 0007_saga_definition.
    public const int Version = 2;

    public static readonly IReadOnlyList<SagaStepDefinition> Forward =
    [
        Row(SagaStep.ReserveStock, SagaState.ReservingStock, "Inventory", DeadlineKind.Default,
            order => new ReserveStock(order.Id, [.. order.Lines.Select(l => new StockLine(l.Sku, l.Quantity))]),
            [Done<StockReserved>(), Refused<StockReservationRejected>(SagaOutcome.OutOfStock, r => r.Reason)],
            compensatedBy: SagaStep.ReleaseStock, abandonOnCancel: true),
        Row(SagaStep.ReviewOrder, SagaState.InReview, "Ordering", DeadlineKind.Review, order => new ReviewOrder(order.Id),
            [
                Done<ReviewCleared>((order, _, now) => order.ReleaseHold(now)),
                Refused<ReviewRejected>(SagaOutcome.RejectedInReview, r => $"rejected in review: {r.Reason}", (order, _, now) => order.ReleaseHold(now)),
            ],
            onDeadline: order => ReviewRejected.NoDecision(order), abandonOnCancel: true,
            answerAtStart: (order, live) => live.Review.Enabled ? null : ReviewCleared.ReviewOff(order)),
        Row(SagaStep.AuthorizePayment, SagaState.AuthorizingPayment, "Payments", DeadlineKind.Payment,
            order => new AuthorizePayment(order.Id, order.Total, order.Currency, order.PaymentMethod, order.PaymentToken),
            [
                Done<PaymentAuthorized>((order, r, now) => order.PaymentChanged(r.PaymentId, PaymentStatus.Authorized, now)),
                Refused<PaymentDeclined>(SagaOutcome.PaymentDeclined, r => r.Reason, (order, r, now) => order.PaymentChanged(r.PaymentId, PaymentStatus.Declined, now)),
                Refused<PaymentFailed>(SagaOutcome.PaymentFailed, r => r.Reason, (order, r, now) => order.PaymentChanged(r.PaymentId, PaymentStatus.Failed, now)),
            ],
            compensatedBy: SagaStep.VoidPayment, abandonOnCancel: true),
        Row(SagaStep.CreateShipment, SagaState.CreatingShipment, "Shipping", DeadlineKind.Default,
            order => new CreateShipment(order.Id, [.. order.Lines.Select(l => new ShipmentLine(l.Sku, l.Quantity))], ShippingAddressOf(order)),
            [Done<ShipmentCreated>((order, r, now) => order.ShipmentChanged(r.ShipmentId, ShipmentStatus.ReadyToShip, now))],
            compensatedBy: SagaStep.CancelShipment),
    ];

    public static readonly IReadOnlyList<SagaStepDefinition> Compensations =
    [
        Row(SagaStep.CancelShipment, SagaState.CancellingShipment, "Shipping", DeadlineKind.Default, order => new CancelShipment(order.Id),
            [
                Done<ShipmentCancelled>((order, r, now) => order.ShipmentChanged(r.ShipmentId, ShipmentStatus.Cancelled, now), when: r => r.ShipmentId is not null),
                Fires<ShipmentCancellationRefused>(SagaTrigger.CancellationRefused, r => $"the shipment is already {r.Status}"),
            ]),
        Row(SagaStep.VoidPayment, SagaState.VoidingPayment, "Payments", DeadlineKind.Default, order => new VoidPayment(order.Id),
            [Done<PaymentVoided>((order, r, now) => order.PaymentChanged(r.PaymentId, PaymentStatus.Voided, now), when: r => r.PaymentId is not null)]),
        Row(SagaStep.ReleaseStock, SagaState.ReleasingStock, "Inventory", DeadlineKind.Default, order => new ReleaseStock(order.Id),
            [Done<StockReleased>()]),
    ];

    public static readonly IReadOnlyList<SagaStepDefinition> Steps = [.. Forward, .. Compensations];

    // The step a message belongs to, as its command or one of its replies (null for any other message).
    public static SagaStep? StepOfMessage(Type? type) =>
        Steps.FirstOrDefault(s => s.CommandType == type || s.Replies.Any(r => r.Type == type))?.Step;

    // Every awaited reply by its message type, with the step it answers.
    public static readonly IReadOnlyDictionary<Type, (SagaStepDefinition Step, SagaReply Reply)> Replies =
        Steps.SelectMany(s => s.Replies.Select(r => (r.Type, (s, r)))).ToDictionary(x => x.Type, x => x.Item2);

    private static readonly Dictionary<SagaStep, SagaStepDefinition> ByStep = Steps.ToDictionary(s => s.Step);
    private static readonly Dictionary<SagaState, SagaStepDefinition> ByState = Steps.ToDictionary(s => s.State);

    public static SagaStepDefinition Of(SagaStep step) =>
        ByStep.TryGetValue(step, out var definition) ? definition : throw new InvalidOperationException($"{step} is not a step of the saga.");

    public static SagaStepDefinition? StepIn(SagaState state) => ByState.GetValueOrDefault(state);

    public static SagaStatus StatusOf(SagaState state) => state switch
    {
        SagaState.Completed => SagaStatus.Completed,
        SagaState.Compensated => SagaStatus.Compensated,
        SagaState.Failed => SagaStatus.Failed,
        _ when state == SagaState.Compensating || Compensations.Any(s => s.State == state) => SagaStatus.Compensating,
        _ => SagaStatus.Running,
    };

    // Where compensation goes next: undo the last forward step that still holds something, else the saga is Compensated.
    public static SagaState NextCompensation(FulfilmentSaga saga) =>
        Forward.Reverse().FirstOrDefault(saga.Holds) is { CompensatedBy: { } undo } ? Of(undo).State : SagaState.Compensated;

    private static SagaStepDefinition Row<TCommand>(SagaStep step, SagaState state, string owner, DeadlineKind deadline,
        Func<Order, TCommand> command, IReadOnlyList<SagaReply> replies, SagaStep? compensatedBy = null,
        Func<Order, object>? onDeadline = null, bool abandonOnCancel = false, Func<Order, LiveSettings, object?>? answerAtStart = null)
        where TCommand : notnull =>
        new(step, state, owner, deadline, typeof(TCommand), order => command(order), replies, compensatedBy, onDeadline, abandonOnCancel, answerAtStart);

    private static ShipmentAddress ShippingAddressOf(Order order) =>
        new(order.ShippingAddress.Name, order.ShippingAddress.Line1, order.ShippingAddress.Line2,
            order.ShippingAddress.City, order.ShippingAddress.PostalCode, order.ShippingAddress.Country);
}
