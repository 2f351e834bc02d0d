namespace OrderManagement.BadFixture.Persistence;

internal sealed class ForeignOrder
{
    public Guid Id { get; init; }
}
