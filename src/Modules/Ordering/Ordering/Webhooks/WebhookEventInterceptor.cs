using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.Webhooks;

// Order events for webhooks are written by the save that writes the order's history (WebhookEventRecorder). The
// publisher is taken from the scope when the save runs: it is built over the context this interceptor is part of.
internal sealed class WebhookEventInterceptor(WebhookInterest interest, IServiceProvider services) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is OrderingDbContext db)
        {
            WebhookEventRecorder.RecordPendingEvents(db, services.GetRequiredService<OutboxPublisher<OrderingDbContext>>(), interest);
        }

        return ValueTask.FromResult(result);
    }
}
