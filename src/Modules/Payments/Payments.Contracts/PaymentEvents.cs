namespace OrderManagement.Payments.Contracts;

public sealed record PaymentAuthorized(Guid OrderId, Guid PaymentId);

public sealed record PaymentDeclined(Guid OrderId, Guid PaymentId, string Reason);

// A transient provider failure that Payments will retry: the payment exists and stays Pending.
public sealed record PaymentAttemptFailed(Guid OrderId, Guid PaymentId, int Attempt, int MaxAttempts, string Reason);

public sealed record PaymentFailed(Guid OrderId, Guid PaymentId, string Reason);

public sealed record PaymentVoided(Guid OrderId, Guid? PaymentId);

public sealed record PaymentCaptured(Guid OrderId, Guid PaymentId);
