namespace OrderManagement.BadFixture;

// Violations: replays a dead letter by writing Inventory's outbox itself, and reaches for Ordering's DbContext by name.
internal static class ForeignOutboxReplay
{
    internal const string Replay = "UPDATE inventory.outbox_messages SET dead_lettered_at = NULL, attempts = 0 WHERE id = $1";

    internal static readonly Type? OrderingContext =
        Type.GetType("OrderManagement.Ordering.Persistence.OrderingDbContext, OrderManagement.Ordering");
}
