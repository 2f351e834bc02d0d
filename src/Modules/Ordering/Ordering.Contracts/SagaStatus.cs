using System.Text.Json.Serialization;

namespace OrderManagement.Ordering.Contracts;

// The fulfilment saga's state as operators and the REST contract see it (ops/sagas `status`): the top level of the
// saga's own state (Running and Compensating hold the steps).
[JsonConverter(typeof(JsonStringEnumConverter<SagaStatus>))]
public enum SagaStatus
{
    Running,
    Completed,
    Compensating,
    Compensated,
    Failed,
}

// The step a saga is at, as operators and the REST contract see it (ops/sagas `currentStep`): the saga's steps without
// "no step", which shows as null, so the OpenAPI enum lists only steps. Same names as the saga's own SagaStep, to which
// it maps by name (SagaViewTests).
[JsonConverter(typeof(JsonStringEnumConverter<SagaCurrentStep>))]
public enum SagaCurrentStep
{
    ReserveStock,
    ReviewOrder,
    AuthorizePayment,
    CreateShipment,
    CancelShipment,
    VoidPayment,
    ReleaseStock,
}

// How a compensating saga ended the order.
[JsonConverter(typeof(JsonStringEnumConverter<SagaOutcome>))]
public enum SagaOutcome
{
    Cancelled,
    OutOfStock,
    PaymentDeclined,
    PaymentFailed,
    RejectedInReview,
}
