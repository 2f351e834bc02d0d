namespace OrderManagement.Ordering.Fulfilment;

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
    Complete,
    Compensate,
    Finish,
    Fail,
    Resume,
}

// Forward steps reserve, pay and ship; compensation steps undo them in reverse order.
internal enum SagaStep
{
    None,
    ReserveStock,
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
}
