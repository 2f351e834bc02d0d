using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.Operations;

// A dead letter of a saga step is moot once its order's saga is past that step: another letter of the step was replayed
// and delivered (a group replay of one sender's letters leaves the other sender's letters of the same orders behind), a
// retry sent the step again, or the order is being or was given back (cancelled, rejected). Replaying it would ask for
// something the order no longer waits for, so it is listed apart and left out of a group's count and "Replay all".
internal sealed class MootDeadLetters(IServiceScopeFactory scopes, MessageTypeMap types) : IMootDeadLetters
{
    public async Task<IReadOnlyDictionary<Guid, string>> WhyMootAsync(IReadOnlyCollection<DeadLetterAbout> letters, CancellationToken cancellationToken)
    {
        var ofSteps = letters
            .Select(l => (Letter: l, Step: SagaDefinition.StepOfMessage(types.FindType(l.MessageType))))
            .Where(l => l.Step is not null)
            .ToList();
        if (ofSteps.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrderingDbContext>();
        var orderIds = ofSteps.Select(l => l.Letter.OrderId).Distinct().ToList();
        var sagas = await db.Sagas.AsNoTracking().Where(s => orderIds.Contains(s.OrderId)).ToDictionaryAsync(s => s.OrderId, cancellationToken);
        var statuses = await db.Orders.AsNoTracking().Where(o => orderIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Status, cancellationToken);
        var moot = new Dictionary<Guid, string>();
        foreach (var (letter, step) in ofSteps)
        {
            if (step is { } s && sagas.TryGetValue(letter.OrderId, out var saga) && statuses.TryGetValue(letter.OrderId, out var status)
                && SagaProgress.Past(saga, s) is { } past)
            {
                moot[letter.Id] = $"Moot: its order is already {status} ({past}), so it waits for this letter no longer and it needs no replay.";
            }
        }

        return moot;
    }
}
