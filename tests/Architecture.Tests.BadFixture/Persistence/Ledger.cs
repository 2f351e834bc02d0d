namespace OrderManagement.BadFixture.Persistence;

internal sealed class Ledger
{
    public Guid Id { get; init; }
    public Guid OrderId { get; init; }

    // Not a violation: a JSON collection the code declares nullable, for the model-reading tests.
    public List<LedgerEntry>? Entries { get; init; }
}
