using OrderManagement.BuildingBlocks.History;
using OrderManagement.Payments.Contracts;

namespace OrderManagement.Payments.Payments;

internal sealed class Payment
{
    private Payment()
    {
    }

    public Guid Id { get; private init; }
    public Guid OrderId { get; private init; }
    // The authorized amount: what was authorized less what line cancellations took off (docs/adr/0021).
    public decimal Amount { get; private set; }

    // The part of Amount the provider has captured so far (the sum of the payment's Captured captures); never above Amount.
    public decimal CapturedAmount { get; private set; }
    public required string Currency { get; init; }
    public required string Method { get; init; }
    public required string Token { get; init; }
    public PaymentStatus Status { get; internal set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    public string? AuthorizationCode { get; private set; }

    // What a capture or void settles. Only an authorized payment is settled, and its authorization set the code.
    public string SettledAuthorizationCode =>
        AuthorizationCode ?? throw new InvalidOperationException($"Payment {Id} ({Status}) has no authorization code to settle.");
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    // Money given back by refunds that the provider has made (docs/adr/0020); never more than was captured.
    public decimal RefundedAmount { get; private set; }

    // When the authorization worker is to call the provider (null: no call is due). LeaseId names the worker's claim
    // on the call now in flight; one still set when the lease has expired means the attempt began and was never
    // settled (its host went down), so the same attempt is made again with the same idempotency key.
    public DateTimeOffset? AttemptDueAt { get; private set; }
    public Guid? LeaseId { get; private set; }
    public DateTimeOffset? LeaseExpiresAt { get; private set; }

    // The provider failed with an unexpected error: no attempt is due until the AuthorizePayment message runs again.
    public bool Faulted { get; private set; }

    // The trace and correlation id of the AuthorizePayment message the attempts answer: the worker's calls continue
    // them, so an order's work stays one trace and one correlation id across the call (docs/adr/0008).
    public string? TraceParent { get; private set; }
    public string? CorrelationId { get; private set; }

    // The capture or void of an authorized payment that the worker is to make (null: none). It shares the lease with
    // authorization attempts, which never overlap it (a call is asked only of an Authorized payment). With Faulted set
    // it waits for its CapturePayment/VoidPayment message to run again, which makes the call inside its delivery.
    public PaymentCall? Call { get; private set; }
    public DateTimeOffset? CallDueAt { get; private set; }
    public int CallAttempts { get; private set; }

    public bool HasAttemptInFlight => LeaseId is not null;

    public static Payment Start(Guid orderId, decimal amount, string currency, string method, string token, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        OrderId = orderId,
        Amount = amount,
        Currency = currency,
        Method = method,
        Token = token,
        Status = PaymentStatus.Pending,
        AttemptDueAt = now,
        CreatedAt = now,
        UpdatedAt = now,
    };

    // Stands for "there is nothing to authorize any more": a void that arrives before any authorization leaves
    // this behind, so a late authorization request for the order finds it and does not pay.
    public static Payment VoidedBeforeAuthorization(Guid orderId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        OrderId = orderId,
        Amount = 0,
        Currency = "",
        Method = "",
        Token = "",
        Status = PaymentStatus.Voided,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public void CarryTrace(string? traceParent, string? correlationId)
    {
        TraceParent = traceParent;
        CorrelationId = correlationId;
    }

    public int BeginAttempt(DateTimeOffset now)
    {
        Attempts++;
        UpdatedAt = now;
        return Attempts;
    }

    public void AttemptFailed(string error, DateTimeOffset now, DateTimeOffset nextAttemptAt)
    {
        LastError = error;
        UpdatedAt = now;
        ScheduleAttempt(nextAttemptAt);
    }

    public void ScheduleAttempt(DateTimeOffset dueAt)
    {
        SettleAttempt();
        AttemptDueAt = dueAt;
    }

    // No provider call is due or in flight any more.
    public void SettleAttempt()
    {
        AttemptDueAt = null;
        LeaseId = null;
        LeaseExpiresAt = null;
        Faulted = false;
    }

    public void RequestCall(PaymentCall call, DateTimeOffset now)
    {
        Call = call;
        CallDueAt = now;
        CallAttempts = 0;
        Faulted = false;
        UpdatedAt = now;
    }

    public void CallFailed(string error, DateTimeOffset now, DateTimeOffset nextAttemptAt)
    {
        CallDueAt = nextAttemptAt;
        LeaseId = null;
        LeaseExpiresAt = null;
        LastError = error;
        UpdatedAt = now;
    }

    // The call is no longer the worker's: its message, delivered again, makes it (the dead-letter path).
    public void CallFaulted(string error, DateTimeOffset now)
    {
        CallDueAt = null;
        LeaseId = null;
        LeaseExpiresAt = null;
        Faulted = true;
        LastError = error;
        UpdatedAt = now;
    }

    public void SettleCall()
    {
        Call = null;
        CallDueAt = null;
        LeaseId = null;
        LeaseExpiresAt = null;
        Faulted = false;
    }

    // The provider took this capture: PartiallyCaptured until all of Amount is captured, then Captured.
    public void CaptureMade(PaymentCapture capture, DateTimeOffset now, IHistoryLog history)
    {
        capture.Captured(now);
        CapturedAmount += capture.Amount;
        Apply(CapturedAmount >= Amount ? PaymentTrigger.Capture : PaymentTrigger.CapturePart, now, history,
            $"{capture.Amount} {Currency}" + (capture.ShipmentId is { } shipment ? $" for shipment {shipment}" : ""));
    }

    // Units of the order were cancelled before they shipped: no capture may take their money (docs/adr/0021). The
    // caller has checked that the amount left covers what captures asked for. Captured once the captures made cover
    // what is left and none is due.
    public void ReduceAuthorization(AuthorizationReduction reduction, bool captureDue, DateTimeOffset now, IHistoryLog history)
    {
        var before = Amount;
        Amount -= reduction.Amount;
        UpdatedAt = now;
        history.Record(OrderId, "Payment", Id, "AuthorizationReduced", Status.ToString(), Status.ToString(),
            $"{reduction.Amount} {Currency} for line cancellation {reduction.CancellationId}: authorized {before} -> {Amount} {Currency}");
        if (Status == PaymentStatus.PartiallyCaptured && !captureDue && CapturedAmount >= Amount)
        {
            Apply(PaymentTrigger.Capture, now, history, "the captures made cover the reduced authorization");
        }
    }

    public void Fault(string error, DateTimeOffset now)
    {
        SettleAttempt();
        Faulted = true;
        LastError = error;
        UpdatedAt = now;
    }

    // Fires a lifecycle trigger; the machine writes the transition to the order's history. An illegal one throws,
    // naming the state and trigger.
    public void Apply(PaymentTrigger trigger, DateTimeOffset now, IHistoryLog history, string? detail = null,
        string? authorizationCode = null, string? error = null)
    {
        var machine = PaymentStateMachine.For(this);
        machine.OnTransitioned(t => history.Record(OrderId, "Payment", Id, PaymentStateMachine.EventOf(t.Trigger),
            t.Source.ToString(), t.Destination.ToString(), detail));
        machine.Fire(trigger);
        AuthorizationCode = authorizationCode ?? AuthorizationCode;
        LastError = error ?? LastError;
        UpdatedAt = now;
    }

    // A refund the provider made: Refunded once everything captured is given back, otherwise the payment stays
    // Captured with its refunded amount (the history says how much).
    public void RecordRefund(decimal amount, decimal captured, DateTimeOffset now, IHistoryLog history, string detail)
    {
        RefundedAmount += amount;
        UpdatedAt = now;
        if (RefundedAmount >= captured)
        {
            Apply(PaymentTrigger.Refund, now, history, detail);
            return;
        }

        history.Record(OrderId, "Payment", Id, "PaymentPartlyRefunded", Status.ToString(), Status.ToString(), detail);
    }
}
