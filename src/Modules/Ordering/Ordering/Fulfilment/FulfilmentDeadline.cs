namespace OrderManagement.Ordering.Fulfilment;

// Scheduled to Ordering itself when a step starts; stale ones (the saga moved on) are ignored.
internal sealed record FulfilmentDeadline(Guid OrderId, SagaStep Step, int Attempt);
