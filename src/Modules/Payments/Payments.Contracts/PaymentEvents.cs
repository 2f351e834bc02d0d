namespace OrderManagement.Payments.Contracts;

public sealed record PaymentAuthorized(Guid OrderId, Guid PaymentId);

public sealed record PaymentDeclined(Guid OrderId, Guid PaymentId, string Reason);

// A transient provider failure that Payments will retry: the payment exists and stays Pending.
public sealed record PaymentAttemptFailed(Guid OrderId, Guid PaymentId, int Attempt, int MaxAttempts, string Reason);

public sealed record PaymentFailed(Guid OrderId, Guid PaymentId, string Reason);

public sealed record PaymentVoided(Guid OrderId, Guid? PaymentId);

public sealed record PaymentCaptured(Guid OrderId, Guid PaymentId);

// The refund of return ReturnId (Amount) is made; RefundedAmount is the payment's total refunded so far and Status its
// status after it ("Refunded" once everything captured is refunded, else still "Captured").
public sealed record PaymentRefunded(Guid OrderId, Guid PaymentId, Guid ReturnId, decimal Amount, decimal RefundedAmount, string Status);

// The refund of return ReturnId was not made; Reason says why (nothing captured, or more than is left to refund).
public sealed record RefundRefused(Guid OrderId, Guid ReturnId, string Reason);
