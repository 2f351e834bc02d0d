using Npgsql;
using NpgsqlTypes;
using OrderManagement.BuildingBlocks.Lifecycle;
using OrderManagement.Payments.Payments;

namespace OrderManagement.Payments.AuthorizePayment;

// Call is null for an authorization attempt (Attempt counts those), else the capture or void due (Attempt counts
// that call's attempts; AuthorizationCode is what it settles).
internal sealed record ClaimedAttempt(
    Guid PaymentId, Guid OrderId, decimal Amount, string Currency, string Token, int Attempt, Guid LeaseId, bool Voided, string? TraceParent, string? CorrelationId,
    PaymentCall? Call = null, string? AuthorizationCode = null) : ILeasedClaim;

// The worker's claims on due attempts, in PostgreSQL's terms and on the database's clock (now()), which every host
// shares. A claim is a lease on the payment row, not a lock held across the call: each claim gets a new lease id,
// and an answer counts only while its lease id is still the payment's. An attempt whose lease is still set (its
// host went down mid-call) is claimed again without counting a new attempt. A Voided payment is claimed only when a
// void came during its call (VoidPaymentHandler leaves that attempt due): it is settled, not authorized. A capture or
// void that is due (call_due_at) is claimed the same way; a payment never has both due at once.
internal sealed class AttemptClaims(NpgsqlDataSource dataSource)
{
    private const string ClaimSql = """
        WITH due AS (
            SELECT id FROM payments.payments
            WHERE (attempt_due_at <= now() OR call_due_at <= now()) AND (lease_expires_at IS NULL OR lease_expires_at <= now())
            ORDER BY LEAST(attempt_due_at, call_due_at)
            LIMIT $1
            FOR UPDATE SKIP LOCKED)
        UPDATE payments.payments p
        SET attempts = p.attempts + CASE WHEN p.lease_id IS NULL AND p.attempt_due_at IS NOT NULL THEN 1 ELSE 0 END,
            call_attempts = p.call_attempts + CASE WHEN p.lease_id IS NULL AND p.call_due_at IS NOT NULL THEN 1 ELSE 0 END,
            lease_id = gen_random_uuid(),
            lease_expires_at = now() + $2,
            updated_at = CASE WHEN p.lease_id IS NULL THEN now() ELSE p.updated_at END
        FROM due
        WHERE p.id = due.id
        RETURNING p.id, p.order_id, p.amount, p.currency, p.token, CASE WHEN p.call IS NULL THEN p.attempts ELSE p.call_attempts END,
            p.lease_id, p.status = 'Voided', p.trace_parent, p.correlation_id, p.call, p.authorization_code
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
                reader.IsDBNull(8) ? null : reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.IsDBNull(10) ? null : Enum.Parse<PaymentCall>(reader.GetString(10)), reader.IsDBNull(11) ? null : reader.GetString(11)));
        }

        return claimed;
    }

    // How long until the next attempt falls due or a lease runs out (null: nothing is due at all).
    public async Task<TimeSpan?> UntilNextDueAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT min(GREATEST(LEAST(attempt_due_at, call_due_at), lease_expires_at)) - now() FROM payments.payments
            WHERE attempt_due_at IS NOT NULL OR call_due_at IS NOT NULL
            """);
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
