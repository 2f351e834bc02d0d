namespace OrderManagement.BuildingBlocks.Messaging;

// Which dead letters something else has made moot, and why: their order has since got past what the letter would have
// led to (another letter of the same step was replayed and delivered, a retry sent the step again, the order was
// cancelled). They need no decision, so the operators' lists show them apart (issue 11, defect C). Implemented by the
// module that knows the orders; a letter it does not name is not moot.
public interface IMootDeadLetters
{
    Task<IReadOnlyDictionary<Guid, string>> WhyMootAsync(IReadOnlyCollection<DeadLetterAbout> letters, CancellationToken cancellationToken);
}

// A dead letter about an order, as IMootDeadLetters judges it.
public sealed record DeadLetterAbout(Guid Id, Guid OrderId, string MessageType, DateTimeOffset FailedAt);

// A dead letter made moot, as the dead letters page lists it apart from the groups that need a decision.
public sealed record MootDeadLetter(Guid Id, string From, string Module, string MessageType, Guid OrderId, DateTimeOffset FailedAt, string Why);
