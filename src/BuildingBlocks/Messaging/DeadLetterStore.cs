using System.Text.Json;
using Npgsql;

namespace OrderManagement.BuildingBlocks.Messaging;

// The operators' view of every module's dead letters. It reads and changes none of them itself: each request goes to
// the ModuleDeadLetters of the module that owns the letter (the one whose outbox holds it).
public sealed class DeadLetterStore
{
    private readonly IReadOnlyList<ModuleDeadLetters> _owners;
    private readonly IReadOnlyList<IMootDeadLetters> _judges;

    internal DeadLetterStore(IEnumerable<ModuleDeadLetters> owners, IEnumerable<IMootDeadLetters> judges)
    {
        _owners = owners.ToList();
        _judges = judges.ToList();
    }

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

        var page = letters.OrderBy(l => l.FailedAt).ThenBy(l => l.Id).Take(limit).ToList();
        var moot = await WhyMootAsync(
            [.. page.SelectMany(l => OrderIdOf(l.Payload) is { } orderId ? [new DeadLetterAbout(l.Id, orderId, l.MessageType, l.FailedAt)] : Array.Empty<DeadLetterAbout>())],
            cancellationToken);
        return [.. page.Select(l => moot.TryGetValue(l.Id, out var why) ? l with { MootBecause = why } : l)];
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
    // A letter made moot is in no group (a group's count and "Replay all" are what needs a decision): it is in Moot.
    public async Task<DeadLetterTriage> TriageAsync(CancellationToken cancellationToken)
    {
        var summaries = new List<(string From, DeadLetterSummary Letter)>();
        foreach (var owner in _owners)
        {
            summaries.AddRange((await owner.SummariesAsync(cancellationToken)).Select(s => (owner.Owner, s)));
        }

        var moot = await WhyMootAsync(
            [.. summaries.SelectMany(s => s.Letter.OrderId is { } orderId
                ? [new DeadLetterAbout(s.Letter.Id, orderId, s.Letter.MessageType, s.Letter.FailedAt)]
                : Array.Empty<DeadLetterAbout>())],
            cancellationToken);
        var groups = summaries
            .Where(s => !moot.ContainsKey(s.Letter.Id))
            .GroupBy(s => (s.Letter.Module, s.Letter.MessageType, s.Letter.ErrorKind, s.From))
            .Select(g => new DeadLetterGroup(g.Key.Module, g.Key.MessageType, g.Key.ErrorKind, g.LongCount(),
                [.. g.OrderBy(s => s.Letter.FailedAt).Select(s => s.Letter.Id)],
                [.. g.Select(s => s.Letter.OrderId).OfType<Guid>().Distinct().Order()],
                g.Min(s => s.Letter.FailedAt), g.Max(s => s.Letter.FailedAt), g.Key.From))
            .OrderByDescending(g => g.Count)
            .ThenBy(g => g.Module, StringComparer.Ordinal)
            .ThenBy(g => g.MessageType, StringComparer.Ordinal)
            .ThenBy(g => g.ErrorKind, StringComparer.Ordinal)
            .ToList();
        var mootLetters = summaries
            .SelectMany(s => s.Letter.OrderId is { } orderId && moot.TryGetValue(s.Letter.Id, out var why)
                ? [new MootDeadLetter(s.Letter.Id, s.From, s.Letter.Module, s.Letter.MessageType, orderId, s.Letter.FailedAt, why)]
                : Array.Empty<MootDeadLetter>())
            .OrderBy(l => l.FailedAt)
            .ThenBy(l => l.Id)
            .ToList();
        return new DeadLetterTriage(groups, mootLetters);
    }

    public async Task<IReadOnlyList<DeadLetterGroup>> GroupsAsync(CancellationToken cancellationToken) =>
        (await TriageAsync(cancellationToken)).Groups;

    // Why each of these letters is moot, for those that are.
    public async Task<IReadOnlyDictionary<Guid, string>> WhyMootAsync(IReadOnlyCollection<DeadLetterAbout> letters, CancellationToken cancellationToken)
    {
        var moot = new Dictionary<Guid, string>();
        if (letters.Count == 0)
        {
            return moot;
        }

        foreach (var judge in _judges)
        {
            foreach (var (id, why) in await judge.WhyMootAsync(letters, cancellationToken))
            {
                moot.TryAdd(id, why);
            }
        }

        return moot;
    }

    // Why this letter is moot, or null when it still needs a decision.
    public async Task<string?> WhyMootAsync(DeadLetter letter, CancellationToken cancellationToken) =>
        OrderIdOf(letter.Payload) is { } orderId
        && (await WhyMootAsync([new DeadLetterAbout(letter.Id, orderId, letter.MessageType, letter.FailedAt)], cancellationToken))
            .TryGetValue(letter.Id, out var why)
            ? why
            : null;

    private static Guid? OrderIdOf(string payload)
    {
        using var document = JsonDocument.Parse(payload);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("orderId", out var id)
            && id.ValueKind == JsonValueKind.String && id.TryGetGuid(out var orderId) ? orderId : null;
    }
}

// What needs a decision (Groups) and what no longer does (Moot).
public sealed record DeadLetterTriage(IReadOnlyList<DeadLetterGroup> Groups, IReadOnlyList<MootDeadLetter> Moot);

public sealed record ReplayedDeadLetter(DeadLetter Letter, Action WakeDelivery);

// MootBecause is set when the letter needs no decision any more (IMootDeadLetters), saying why.
public sealed record DeadLetter(Guid Id, string Module, string MessageType, int Attempts, string? LastError, DateTimeOffset FailedAt, string Payload)
{
    public string? MootBecause { get; init; }
}

// Module is the consuming module that could not handle the messages; ErrorKind the exception type of the last error;
// From the module whose outbox holds them (the sender).
public sealed record DeadLetterGroup(
    string Module, string MessageType, string ErrorKind, long Count, IReadOnlyList<Guid> LetterIds, IReadOnlyList<Guid> OrderIds,
    DateTimeOffset FirstFailedAt, DateTimeOffset LastFailedAt, string From = "");
