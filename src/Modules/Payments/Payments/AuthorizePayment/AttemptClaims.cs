using Npgsql;
using NpgsqlTypes;

namespace OrderManagement.Payments.AuthorizePayment;

internal sealed record ClaimedAttempt(
    Guid PaymentId, Guid OrderId, decimal Amount, string Currency, string Token, int Attempt, Guid LeaseId, bool Voided, string? TraceParent, string? CorrelationId);

// The worker's claims on due attempts, in PostgreSQL's terms and on the database's clock (now()), which every host
// shares. A claim is a lease on the payment row, not a lock held across the call: each claim gets a new lease id,
// and an answer counts only while its lease id is still the payment's. An attempt whose lease is still set (its
// host went down mid-call) is claimed again without counting a new attempt. A Voided payment is claimed only when a
// void came during its call (VoidPaymentHandler leaves that attempt due): it is settled, not authorized.
internal sealed class AttemptClaims(NpgsqlDataSource dataSource)
{
    private const string ClaimSql = """
        WITH due AS (
            SELECT id FROM payments.payments
            WHERE attempt_due_at <= now() AND (lease_expires_at IS NULL OR lease_expires_at <= now())
            ORDER BY attempt_due_at
            LIMIT $1
            FOR UPDATE SKIP LOCKED)
        UPDATE payments.payments p
        SET attempts = p.attempts + CASE WHEN p.lease_id IS NULL THEN 1 ELSE 0 END,
            lease_id = gen_random_uuid(),
            lease_expires_at = now() + $2,
            updated_at = CASE WHEN p.lease_id IS NULL THEN now() ELSE p.updated_at END
        FROM due
        WHERE p.id = due.id
        RETURNING p.id, p.order_id, p.amount, p.currency, p.token, p.attempts, p.lease_id, p.status = 'Voided', p.trace_parent, p.correlation_id
        """;

    public async Task<IReadOnlyList<ClaimedAttempt>> ClaimAsync(int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ClaimSql);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = lease, NpgsqlDbType = NpgsqlDbType.Interval });
        var claimed = new List<ClaimedAttempt>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedAttempt(reader.GetGuid(0), reader.GetGuid(1), reader.GetDecimal(2), reader.GetString(3), reader.GetString(4),
                reader.GetInt32(5), reader.GetGuid(6), reader.GetBoolean(7),
                reader.IsDBNull(8) ? null : reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9)));
        }

        return claimed;
    }

    // How long until the next attempt falls due or a lease runs out (null: nothing is due at all).
    public async Task<TimeSpan?> UntilNextDueAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT min(GREATEST(attempt_due_at, lease_expires_at)) - now() FROM payments.payments WHERE attempt_due_at IS NOT NULL");
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is TimeSpan wait ? (wait < TimeSpan.Zero ? TimeSpan.Zero : wait) : null;
    }

    // Gives a claim back at once (this host is stopping): the next claim makes the same attempt again.
    public async Task ReleaseAsync(ClaimedAttempt claim, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE payments.payments SET lease_expires_at = now() WHERE id = $1 AND lease_id = $2");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = claim.PaymentId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = claim.LeaseId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
