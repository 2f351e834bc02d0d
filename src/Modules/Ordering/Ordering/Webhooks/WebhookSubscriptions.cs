using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.BuildingBlocks.Web;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.Webhooks;

// The caller's view of subscriptions: a storefront key sees and changes only its own (another's is "not found"), an
// operator key sees every one.
internal sealed record WebhookCaller(string Name, bool IsOperator)
{
    public bool May(WebhookSubscription subscription) => IsOperator || subscription.Owner == Name;
}

internal sealed class WebhookSubscriptions(
    OrderingDbContext db, TimeProvider time, TransactionLocks<OrderingDbContext> locks, CursorCodec cursors,
    IDataProtectionProvider protection, IOptions<WebhookOptions> options, WebhookInterest interest)
{
    public sealed class LimitReachedException(int limit) : Exception($"This API key already has {limit} webhook subscriptions.")
    {
        public int Limit { get; } = limit;
    }

    // Returns the subscription and its secret in clear (the one time it is shown).
    public async Task<(WebhookSubscription Subscription, string Secret)> CreateAsync(WebhookCaller caller, CreateWebhookCommand command, CancellationToken cancellationToken)
    {
        var (created, clearSecret) = await db.InTransactionAsync(async () =>
        {
            // Two creates by one key at once: the second counts after the first commits.
            await locks.LockAsync("webhook subscriptions of " + caller.Name, cancellationToken);
            var limit = options.Value.MaxSubscriptionsPerKey;
            if (await db.WebhookSubscriptions.CountAsync(s => s.Owner == caller.Name, cancellationToken) >= limit)
            {
                throw new LimitReachedException(limit);
            }

            var types = command.EventTypes;
            var secret = command.Secret;
            var subscription = new WebhookSubscription
            {
                Id = Guid.CreateVersion7(),
                Owner = caller.Name,
                Url = command.Url,
                Secret = WebhookSecrets.Protector(protection).Protect(secret),
                EventTypes = types,
                CreatedAt = time.GetUtcNow(),
            };
            db.WebhookSubscriptions.Add(subscription);
            // Before the commit: an order change on this host right after it must not be missed (a rollback only
            // over-records until the next read).
            interest.Add(types);
            await db.SaveChangesAsync(cancellationToken);
            return (subscription, secret);
        }, cancellationToken);

        // Again after the commit: a refresh that started after the Add above but queried before the commit did not see
        // the row, and its Replace drops that Add; a refresh that starts after this one sees the committed row.
        interest.Add(created.EventTypes);
        return (created, clearSecret);
    }

    public async Task<IReadOnlyList<WebhookSubscription>> ListAsync(WebhookCaller caller, CancellationToken cancellationToken)
    {
        var query = db.WebhookSubscriptions.AsNoTracking();
        if (!caller.IsOperator)
        {
            query = query.Where(s => s.Owner == caller.Name);
        }

        return await query.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).Take(1000).ToListAsync(cancellationToken);
    }

    public async Task<WebhookSubscription> GetAsync(WebhookCaller caller, Guid id, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return subscription is not null && caller.May(subscription) ? subscription : throw new NotFoundException("Webhook", id.ToString());
    }

    // Its deliveries go with it (pending ones are never sent); the events stay for the other subscriptions.
    public async Task DeleteAsync(WebhookCaller caller, Guid id, CancellationToken cancellationToken)
    {
        var subscription = await GetAsync(caller, id, cancellationToken);
        await db.WebhookSubscriptions.Where(s => s.Id == subscription.Id).ExecuteDeleteAsync(cancellationToken);
    }

    // Newest first, keyset pages over the delivery's insertion sequence.
    public async Task<WebhookDeliveryPage> DeliveriesAsync(WebhookCaller caller, Guid id, ListDeliveriesQuery query, CancellationToken cancellationToken)
    {
        await GetAsync(caller, id, cancellationToken);
        var limit = query.Limit ?? 20;
        var deliveries = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == id);
        if (query.Status?.Value is { } status)
        {
            deliveries = deliveries.Where(d => d.Status == status);
        }

        if (query.Cursor is not null && cursors.TryDecodeSequence(query.Cursor, out var after))
        {
            deliveries = deliveries.Where(d => d.Sequence < after);
        }

        var page = await deliveries.OrderByDescending(d => d.Sequence).Take(limit + 1).ToListAsync(cancellationToken);
        var next = page.Count > limit ? cursors.EncodeSequence(page[limit - 1].Sequence) : null;
        return new WebhookDeliveryPage(page.Take(limit).Select(WebhookDeliveryView.From).ToList(), next);
    }

    // Every dead-lettered delivery of the subscription is due again at once with its attempts counted from zero; the
    // later events of the same orders, held back behind it, follow in order.
    public async Task<ReplayResult> ReplayAsync(WebhookCaller caller, Guid id, CancellationToken cancellationToken)
    {
        await GetAsync(caller, id, cancellationToken);
        var now = time.GetUtcNow();
        var replayed = await db.WebhookDeliveries
            .Where(d => d.SubscriptionId == id && d.Status == WebhookDeliveryStatus.DeadLettered)
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => d.Status, WebhookDeliveryStatus.Pending)
                .SetProperty(d => d.Attempts, 0)
                .SetProperty(d => d.NextAttemptAt, now), cancellationToken);
        return new ReplayResult(replayed);
    }
}
