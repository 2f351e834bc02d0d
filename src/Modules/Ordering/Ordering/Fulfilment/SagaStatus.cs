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

internal enum SagaTrigger
{
    // Go on from where the saga is: the next forward step (or Completed), the next compensation (or Compensated).
    Continue,
    Compensate,
    CancellationRefused,
    Fail,
    Resume,

    // An operator's retry: a step that waits for its answer is sent again (the state stays); a failed saga resumes.
    Retry,
}

// The steps by name, as history entries show them; the REST contract's `currentStep` is SagaCurrentStep (no None).
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
