using Npgsql;
using NpgsqlTypes;
using OrderManagement.BuildingBlocks.Lifecycle;

namespace OrderManagement.Ordering.Webhooks;

internal sealed record ClaimedDelivery(
    Guid DeliveryId, Guid SubscriptionId, Guid EventId, Guid OrderId, string EventType, int Attempt, Guid LeaseId,
    string Url, string Secret, string Payload, string? TraceParent, string? CorrelationId) : ILeasedClaim;

// The sender's claims on due deliveries, on the database's clock (now()), shared by every host; the same lease
// pattern as Payments' authorization attempts (ADR 0013). A delivery is due only when every earlier event of its order
// has been fanned out and delivered to the same subscription: one order's events arrive in order, and a receiver
// that is down holds back only its own subscription's events. An attempt whose lease is still set (its host went down
// mid-call) is claimed again without counting a new attempt.
internal sealed class DeliveryClaims(NpgsqlDataSource dataSource)
{
    private const string ClaimSql = """
        WITH due AS (
            SELECT d.id FROM ordering.webhook_deliveries d
            WHERE d.status = 'Pending' AND d.next_attempt_at <= now()
              AND (d.lease_expires_at IS NULL OR d.lease_expires_at <= now())
              AND NOT EXISTS (SELECT 1 FROM ordering.webhook_deliveries earlier
                              WHERE earlier.subscription_id = d.subscription_id AND earlier.order_id = d.order_id
                                AND earlier.event_sequence < d.event_sequence AND earlier.status <> 'Delivered')
              AND NOT EXISTS (SELECT 1 FROM ordering.webhook_events unsent
                              WHERE unsent.order_id = d.order_id AND unsent.sequence < d.event_sequence AND unsent.fanned_out_at IS NULL)
            ORDER BY d.next_attempt_at
            LIMIT $1
            FOR UPDATE SKIP LOCKED)
        UPDATE ordering.webhook_deliveries d
        SET attempts = d.attempts + CASE WHEN d.lease_id IS NULL THEN 1 ELSE 0 END,
            lease_id = gen_random_uuid(),
            lease_expires_at = now() + $2
        FROM due, ordering.webhook_subscriptions s, ordering.webhook_events e
        WHERE d.id = due.id AND s.id = d.subscription_id AND e.id = d.event_id
        RETURNING d.id, d.subscription_id, d.event_id, d.order_id, d.event_type, d.attempts, d.lease_id,
                  s.url, s.secret, e.payload, e.trace_parent, e.correlation_id
        """;

    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ClaimSql);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = lease, NpgsqlDbType = NpgsqlDbType.Interval });
        var claimed = new List<ClaimedDelivery>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedDelivery(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetGuid(3), reader.GetString(4),
                reader.GetInt32(5), reader.GetGuid(6), reader.GetString(7), reader.GetString(8), reader.GetString(9),
                reader.IsDBNull(10) ? null : reader.GetString(10), reader.IsDBNull(11) ? null : reader.GetString(11)));
        }

        return claimed;
    }

    // How long until the next pending delivery falls due or a lease runs out (null: nothing falls due later). Rows due
    // already but not claimed are held behind an earlier event of their order: they do not shorten the wait (a finished
    // call wakes the sender, the poll finds the rest), so a receiver that is down does not make the sender spin.
    public async Task<TimeSpan?> UntilNextDueAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT min(GREATEST(next_attempt_at, lease_expires_at)) - now() FROM ordering.webhook_deliveries
            WHERE status = 'Pending' AND GREATEST(next_attempt_at, lease_expires_at) > now()
            """);
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is TimeSpan wait ? (wait < TimeSpan.Zero ? TimeSpan.Zero : wait) : null;
    }

    // Records a 2xx answer, if the claim is still this sender's. Returns whether it was.
    public Task<bool> DeliveredAsync(ClaimedDelivery claim, int statusCode, double durationMs, CancellationToken cancellationToken) =>
        ExecuteAsync("""
            UPDATE ordering.webhook_deliveries
            SET status = 'Delivered', delivered_at = now(), last_attempt_at = now(), next_attempt_at = NULL,
                lease_id = NULL, lease_expires_at = NULL, last_status_code = $3, last_duration_ms = $4, last_error = NULL
            WHERE id = $1 AND lease_id = $2
            """, claim, cancellationToken, Param(statusCode, NpgsqlDbType.Integer), Param(durationMs, NpgsqlDbType.Double));

    // Records a failed attempt: due again after retryAfter, or dead-lettered when retryAfter is null.
    public Task<bool> FailedAsync(ClaimedDelivery claim, int? statusCode, double durationMs, string error, TimeSpan? retryAfter,
        CancellationToken cancellationToken) =>
        ExecuteAsync("""
            UPDATE ordering.webhook_deliveries
            SET status = CASE WHEN $6::interval IS NULL THEN 'DeadLettered' ELSE 'Pending' END,
                next_attempt_at = now() + $6::interval,
                last_attempt_at = now(), lease_id = NULL, lease_expires_at = NULL,
                last_status_code = $3, last_duration_ms = $4, last_error = $5
            WHERE id = $1 AND lease_id = $2
            """, claim, cancellationToken, Param(statusCode, NpgsqlDbType.Integer), Param(durationMs, NpgsqlDbType.Double),
            Param(error, NpgsqlDbType.Text), Param(retryAfter, NpgsqlDbType.Interval));

    // Gives a claim back at once (this host is stopping): the next claim makes the same attempt again.
    public Task<bool> ReleaseAsync(ClaimedDelivery claim, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE ordering.webhook_deliveries SET lease_expires_at = now() WHERE id = $1 AND lease_id = $2", claim, cancellationToken);

    private static NpgsqlParameter Param(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };

    private async Task<bool> ExecuteAsync(string sql, ClaimedDelivery claim, CancellationToken cancellationToken, params NpgsqlParameter[] more)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = claim.DeliveryId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = claim.LeaseId });
        command.Parameters.AddRange(more);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
