using OrderManagement.BuildingBlocks.Messaging;

namespace OrderManagement.BadFixture.Persistence;

// Violation: publishing through the DbContext (an extension on it) instead of OutboxPublisher<BadFixtureDbContext>.
internal static class ContextPublishing
{
    public static void Publish(this BadFixtureDbContext db, OutboxPublisher<BadFixtureDbContext> outbox, object message)
    {
        db.ChangeTracker.DetectChanges();
        outbox.Publish(message);
    }
}
