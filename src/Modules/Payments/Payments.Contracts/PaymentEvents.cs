namespace OrderManagement.Payments.Contracts;

public sealed record PaymentAuthorized(Guid OrderId, Guid PaymentId);

public sealed record PaymentDeclined(Guid OrderId, Guid PaymentId, string Reason);

// A transient provider failure that Payments will retry: the payment exists and stays Pending.
public sealed record PaymentAttemptFailed(Guid OrderId, Guid PaymentId, int Attempt, int MaxAttempts, string Reason);

public sealed record PaymentFailed(Guid OrderId, Guid PaymentId, string Reason);

public sealed record PaymentVoided(Guid OrderId, Guid? PaymentId);

// One capture made: for a shipment (ShipmentId, Amount in the payment's currency, Status the payment's status after it:
// PartiallyCaptured or Captured), or, when all three are null, of the rest of the authorized amount (a CapturePayment
// that named no shipment; the payment is Captured).
public sealed record PaymentCaptured(Guid OrderId, Guid PaymentId, Guid? ShipmentId = null, decimal? Amount = null, PaymentStatus? Status = null);

// The refund of return ReturnId (Amount) is made; RefundedAmount is the payment's total refunded so far and Status its
// status after it (Refunded once everything captured is refunded, else still Captured).
public sealed record PaymentRefunded(Guid OrderId, Guid PaymentId, Guid ReturnId, decimal Amount, decimal RefundedAmount, PaymentStatus Status);

// The refund of return ReturnId was not made; Reason says why (nothing captured, or more than is left to refund).
public sealed record RefundRefused(Guid OrderId, Guid ReturnId, string Reason);
