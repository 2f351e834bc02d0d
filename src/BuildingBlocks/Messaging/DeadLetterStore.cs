using Npgsql;

namespace OrderManagement.BuildingBlocks.Messaging;

// The operators' view of every module's dead letters. It reads and changes none of them itself: each request goes to
// the ModuleDeadLetters of the module that owns the letter (the one whose outbox holds it).
public sealed class DeadLetterStore
{
    private readonly IReadOnlyList<ModuleDeadLetters> _owners;

    internal DeadLetterStore(IEnumerable<ModuleDeadLetters> owners) => _owners = owners.ToList();

    // The modules that send messages (and so may hold dead letters), as PendingMessage.From and DeadLetterGroup.From name them.
    public IReadOnlyList<string> Senders => [.. _owners.Select(o => o.Owner)];

    // Oldest first by (failed at, id) across the modules, after the given position when one is given.
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, DateTimeOffset? afterFailedAt, Guid? afterId, CancellationToken cancellationToken)
    {
        var letters = new List<DeadLetter>();
        foreach (var owner in _owners)
        {
            letters.AddRange(await owner.ListAsync(limit, afterFailedAt, afterId, cancellationToken));
        }

        return [.. letters.OrderBy(l => l.FailedAt).ThenBy(l => l.Id).Take(limit)];
    }

    public async Task<DeadLetter?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        foreach (var owner in _owners)
        {
            if (await owner.GetAsync(id, cancellationToken) is { } letter)
            {
                return letter;
            }
        }

        return null;
    }

    // Puts the message back in line with fresh attempts, done by the module that holds it on the caller's connection (it
    // commits with the caller's transaction); null when none does. The caller runs WakeDelivery once it has committed.
    public async Task<ReplayedDeadLetter?> ReplayAsync(NpgsqlConnection connection, Guid id, CancellationToken cancellationToken)
    {
        foreach (var owner in _owners)
        {
            if (await owner.ReplayAsync(connection, id, cancellationToken) is { } letter)
            {
                return new ReplayedDeadLetter(letter, owner.Wake);
            }
        }

        return null;
    }

    // Removes dead letters that something else has made moot (an operator's retry sends their message again), each by
    // the module that sent it (PendingMessage.From), on the caller's connection so it commits or rolls back with the
    // caller's transaction.
    public async Task DiscardAsync(NpgsqlConnection connection, IReadOnlyCollection<PendingMessage> letters, CancellationToken cancellationToken)
    {
        foreach (var sent in letters.GroupBy(l => l.From))
        {
            var owner = _owners.FirstOrDefault(o => o.Owner == sent.Key)
                ?? throw new InvalidOperationException($"No module named {sent.Key} owns dead letters; it sent {string.Join(", ", sent.Select(l => l.Id))}.");
            await owner.DiscardAsync(connection, [.. sent.Select(l => l.Id)], cancellationToken);
        }
    }

    // Dead letters grouped by the module that failed to handle them, the message type and the kind of error (the
    // exception type that last_error starts with), largest group first, with the letters and the orders they concern.
    public async Task<IReadOnlyList<DeadLetterGroup>> GroupsAsync(CancellationToken cancellationToken)
    {
        var summaries = new List<(string From, DeadLetterSummary Letter)>();
        foreach (var owner in _owners)
        {
            summaries.AddRange((await owner.SummariesAsync(cancellationToken)).Select(s => (owner.Owner, s)));
        }

        return
        [
            .. summaries
                .GroupBy(s => (s.Letter.Module, s.Letter.MessageType, s.Letter.ErrorKind, s.From))
                .Select(g => new DeadLetterGroup(g.Key.Module, g.Key.MessageType, g.Key.ErrorKind, g.LongCount(),
                    [.. g.OrderBy(s => s.Letter.FailedAt).Select(s => s.Letter.Id)],
                    [.. g.Select(s => s.Letter.OrderId).OfType<Guid>().Distinct().Order()],
                    g.Min(s => s.Letter.FailedAt), g.Max(s => s.Letter.FailedAt), g.Key.From))
                .OrderByDescending(g => g.Count)
                .ThenBy(g => g.Module, StringComparer.Ordinal)
                .ThenBy(g => g.MessageType, StringComparer.Ordinal)
                .ThenBy(g => g.ErrorKind, StringComparer.Ordinal),
        ];
    }
}

public sealed record ReplayedDeadLetter(DeadLetter Letter, Action WakeDelivery);

public sealed record DeadLetter(Guid Id, string Module, string MessageType, int Attempts, string? LastError, DateTimeOffset FailedAt, string Payload);

// Module is the consuming module that could not handle the messages; ErrorKind the exception type of the last error;
// From the module whose outbox holds them (the sender).
public sealed record DeadLetterGroup(
    string Module, string MessageType, string ErrorKind, long Count, IReadOnlyList<Guid> LetterIds, IReadOnlyList<Guid> OrderIds,
    DateTimeOffset FirstFailedAt, DateTimeOffset LastFailedAt, string From = "");
