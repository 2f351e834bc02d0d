namespace OrderManagement.Payments.Contracts;

/// <summary>
/// Some units of an order were cancelled before they shipped (docs/adr/0021): the order's authorized amount drops by
/// <paramref name="Amount"/> (&gt; 0, in the payment's currency: the cancelled units' unit price times quantity), so
/// no capture can take that money. Applied at most once per <paramref name="CancellationId"/>. Refused (a domain error,
/// dead-lettered for an operator) if the amount left would be below what captures already asked for; a payment that is
/// no longer Authorized or PartiallyCaptured (voided meanwhile) is left as it is. No reply: the order's history shows
/// <c>AuthorizationReduced</c>.
/// </summary>
public sealed record ReduceAuthorization(Guid OrderId, Guid CancellationId, decimal Amount);
