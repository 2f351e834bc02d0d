namespace OrderManagement.BadFixture.Persistence;

internal sealed class LedgerEntry
{
    public decimal Amount { get; init; }
}
