using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.BuildingBlocks.Messaging;

// The one transaction of a delivery (ADR 0025): the claimed outbox rows, the consumer's inbox rows, its handlers'
// effects and outgoing messages, and the claim's outcome commit together, on the claim's connection. Each attempt at a
// group of messages runs under a savepoint, so a group that fails is undone without giving up the claim. The consumer
// contexts of the attempts that stand are kept until the commit, then told (wake-ups of the lanes they wrote rows for,
// their after-commit actions); a rollback drops them unseen.
internal sealed class DeliveryTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
{
    private readonly List<(AsyncServiceScope Scope, ModuleDbContext Context, PendingWork Pending)> _standing = [];
    private int _savepoints;
    private string? _outermost;

    public NpgsqlConnection Connection => connection;

    public NpgsqlTransaction Transaction => transaction;

    // Set when a savepoint could not be rolled back to (the connection broke, the host is stopping): the transaction is
    // lost, and the failure that led there ends the delivery, whose claim is abandoned without spending an attempt.
    public bool Lost { get; private set; }

    // The name of the next attempt's savepoint, which the attempt sets with its first statements. An attempt that fails
    // rolls back to it; if it could not be set, that rollback fails and the transaction is lost (so it is never released).
    public string NextSavepoint()
    {
        var name = "delivery_" + ++_savepoints;
        _outermost ??= name;
        return name;
    }

    public async Task RollbackToAsync(string savepoint, CancellationToken cancellationToken)
    {
        try
        {
            await transaction.RollbackAsync(savepoint, cancellationToken);
        }
        catch (Exception)
        {
            Lost = true;
        }
    }

    // The attempt whose changes stand: its context is told once the transaction has committed.
    public void Stands(AsyncServiceScope scope, ModuleDbContext context, PendingWork pending) => _standing.Add((scope, context, pending));

    // Runs the closing statements and commits: first every savepoint ended (they stay nested until then), so these
    // statements run in the top transaction (a row locked by the claim and deleted inside a savepoint would cost
    // PostgreSQL a multixact); then the scheduled deliveries the standing attempts withdrew (PendingWork, deferred until
    // here so they take no round trip of their own); then the caller's statements (the claim's outcome); then the commit:
    // all in one round trip.
    public async Task CommitAsync(IEnumerable<NpgsqlBatchCommand> closing, CancellationToken cancellationToken)
    {
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            var statements = Withdrawals().Concat(closing).ToList();
            if (statements.Count > 0 && _outermost is { } outermost)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand("RELEASE SAVEPOINT " + outermost));
            }

            _outermost = null;
            foreach (var statement in statements)
            {
                batch.BatchCommands.Add(statement);
            }

            // The commit itself travels with them: PostgreSQL runs the batch's statements in order and skips the rest after
            // one fails, so it commits only if every statement before it succeeded (else the transaction is rolled back
            // when it is disposed). Npgsql sees the transaction end in the server's answer, so the NpgsqlTransaction is
            // completed and its disposal sends nothing.
            batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        // Committed on the connection, not through EF Core: PendingWorkTransactionInterceptor does not see it.
        foreach (var (_, context, pending) in _standing)
        {
            pending.OnCommitted(context.Schema);
        }
    }

    // One DELETE per module schema (schema names come from module registrations, never from input).
    private IEnumerable<NpgsqlBatchCommand> Withdrawals() =>
        _standing.GroupBy(s => s.Context.Schema)
            .Select(g => (Schema: g.Key, Ids: g.SelectMany(s => s.Pending.TakeWithdrawals()).ToArray()))
            .Where(w => w.Ids.Length > 0)
            .Select(w =>
            {
                var delete = new NpgsqlBatchCommand(PendingWork.WithdrawSql(w.Schema, "$1"));
                delete.Parameters.Add(new NpgsqlParameter { Value = w.Ids });
                return delete;
            })
            .ToList();

    public async ValueTask DisposeAsync()
    {
        foreach (var (scope, _, _) in _standing)
        {
            await scope.DisposeAsync();
        }

        _standing.Clear();
    }
}
