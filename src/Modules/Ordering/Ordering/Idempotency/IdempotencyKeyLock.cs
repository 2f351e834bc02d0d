using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.Idempotency;

// Takes the transaction-scoped advisory lock of one (API key, Idempotency-Key) without waiting and reads its stored
// record, in one round trip on the request's transaction. The read is a statement after the lock, so under READ
// COMMITTED it sees the record of a first request that finished before the lock was taken (as a second read after the
// lock did). The lock is taken even when a record answers: a repeat holds it only until its own short transaction ends,
// and a concurrent repeat is answered from the record whatever the lock says.
internal sealed class IdempotencyKeyLock(OrderingDbContext db)
{
    private const string Read = $"""
        SELECT fingerprint, status_code, body, location, created_at, expires_at
        FROM {OrderingDbContext.SchemaName}.idempotency_keys WHERE api_key_name = $1 AND idempotency_key = $2
        """;

    public async Task<(bool Locked, IdempotencyRecord? Existing)> TakeAsync(string apiKeyName, string key, long lockKey,
        CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction
            ?? throw new InvalidOperationException("The Idempotency-Key lock needs an open transaction.");
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction);
        var tryLock = new NpgsqlBatchCommand("SELECT pg_try_advisory_xact_lock($1)");
        tryLock.Parameters.Add(new NpgsqlParameter<long> { TypedValue = lockKey });
        batch.BatchCommands.Add(tryLock);
        var read = new NpgsqlBatchCommand(Read);
        read.Parameters.Add(new NpgsqlParameter<string> { TypedValue = apiKeyName });
        read.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        batch.BatchCommands.Add(read);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var locked = reader.GetBoolean(0);
        await reader.NextResultAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return (locked, null);
        }

        return (locked, new IdempotencyRecord
        {
            ApiKeyName = apiKeyName,
            Key = key,
            Fingerprint = reader.GetString(0),
            StatusCode = reader.GetInt32(1),
            Body = reader.GetString(2),
            Location = reader.IsDBNull(3) ? null : reader.GetString(3),
            CreatedAt = reader.GetFieldValue<DateTimeOffset>(4),
            ExpiresAt = reader.GetFieldValue<DateTimeOffset>(5),
        });
    }
}
