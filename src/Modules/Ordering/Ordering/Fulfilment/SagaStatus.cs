using System.Text.Json.Serialization;

namespace OrderManagement.Ordering.Fulfilment;

// The saga's one state: each step is a substate of Running (forward) or Compensating (giving back), see
// SagaDefinition. Running and Compensating themselves are the moments between two steps.
internal enum SagaState
{
    Running,
    ReservingStock,
    InReview,
    AuthorizingPayment,
    CreatingShipment,
    Completed,
    Compensating,
    CancellingShipment,
    VoidingPayment,
    ReleasingStock,
    Compensated,
    Failed,
}

// The saga's state as operators and the REST contract see it (ops/sagas `status`): the top level of SagaState.
[JsonConverter(typeof(JsonStringEnumConverter<SagaStatus>))]
internal enum SagaStatus
{
    Running,
    Completed,
    Compensating,
    Compensated,
    Failed,
}

internal enum SagaTrigger
{
    // Go on from where the saga is: the next forward step (or Completed), the next compensation (or Compensated).
    Continue,
    Compensate,
    CancellationRefused,
    Fail,
    Resume,
}

// The steps by name, as history entries and the REST contract (`currentStep`) show them.
internal enum SagaStep
{
    None,
    ReserveStock,
    ReviewOrder,
    AuthorizePayment,
    CreateShipment,
    CancelShipment,
    VoidPayment,
    ReleaseStock,
}

// How a compensating saga ends the order.
internal enum SagaOutcome
{
    Cancelled,
    OutOfStock,
    PaymentDeclined,
    PaymentFailed,
    RejectedInReview,
}
