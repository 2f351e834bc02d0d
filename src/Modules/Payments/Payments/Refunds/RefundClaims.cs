using Npgsql;
using NpgsqlTypes;
using OrderManagement.BuildingBlocks.Lifecycle;

namespace OrderManagement.Payments.Refunds;

internal sealed record ClaimedRefund(Guid RefundId, Guid PaymentId, Guid OrderId, decimal Amount, int Attempt, Guid LeaseId,
    string? AuthorizationCode, string? TraceParent, string? CorrelationId) : ILeasedClaim;

// The refund worker's claims on due refunds, on the database's clock: a lease on the refund row, as AttemptClaims takes
// on payments. A refund whose lease is still set when claimed again (its host went down mid-call) is made again with
// the same idempotency key, without counting a new attempt.
internal sealed class RefundClaims(NpgsqlDataSource dataSource)
{
    private const string ClaimSql = """
        WITH due AS (
            SELECT id FROM payments.refunds
            WHERE due_at <= now() AND (lease_expires_at IS NULL OR lease_expires_at <= now())
            ORDER BY due_at
            LIMIT $1
            FOR UPDATE SKIP LOCKED)
        UPDATE payments.refunds r
        SET attempts = r.attempts + CASE WHEN r.lease_id IS NULL THEN 1 ELSE 0 END,
            lease_id = gen_random_uuid(),
            lease_expires_at = now() + $2
        FROM due
        WHERE r.id = due.id
        RETURNING r.id, r.payment_id, r.order_id, r.amount, r.attempts, r.lease_id,
            (SELECT p.authorization_code FROM payments.payments p WHERE p.id = r.payment_id), r.trace_parent, r.correlation_id
        """;

    public async Task<IReadOnlyList<ClaimedRefund>> ClaimAsync(int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ClaimSql);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = lease, NpgsqlDbType = NpgsqlDbType.Interval });
        var claimed = new List<ClaimedRefund>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedRefund(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetDecimal(3), reader.GetInt32(4),
                reader.GetGuid(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return claimed;
    }

    // How long until the next refund falls due or a lease runs out (null: none is due).
    public async Task<TimeSpan?> UntilNextDueAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT min(GREATEST(due_at, lease_expires_at)) - now() FROM payments.refunds WHERE due_at IS NOT NULL");
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is TimeSpan wait ? (wait < TimeSpan.Zero ? TimeSpan.Zero : wait) : null;
    }

    // Gives a claim back at once (this host is stopping): the next claim makes the same call again.
    public async Task ReleaseAsync(ClaimedRefund claim, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE payments.refunds SET lease_expires_at = now() WHERE id = $1 AND lease_id = $2");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = claim.RefundId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = claim.LeaseId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
