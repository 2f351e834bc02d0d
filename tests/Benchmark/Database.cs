using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace OrderManagement.Benchmark;

internal sealed record DbCounters(long XactCommit, long XactRollback, long Xid, long WalLsn, Dictionary<string, TableCounters> Tables);

internal sealed record TableCounters(long Inserted, long Updated, long Deleted);

internal sealed record OrderRow(
    Guid Id,
    string Status,
    string? RejectionReason,
    string? PaymentStatus,
    bool HasPaymentId,
    string? ShipmentStatus,
    string Token,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LeftPendingAt,
    DateTimeOffset? ConfirmedAt,
    DateTimeOffset? PaymentStepAt,
    DateTimeOffset? ShipmentStepAt);

// The benchmark's own view of the database: counters, progress polling, preload and the checks. It reads the
// modules' tables directly, on purpose: the checks must not trust the API they are checking.
internal sealed class Database : IAsyncDisposable
{
    private readonly NpgsqlDataSource _source;

    public Database(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            // Own, separate pool: a handful of connections, long commands for preload and checks.
            MaxPoolSize = 4,
            MinPoolSize = 0,
            CommandTimeout = 600,
            Timeout = 5,
            ApplicationName = "OrderManagement.Benchmark",
        };
        _source = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    // Statements the benchmark itself ran against the database (each is one transaction), so they can be
    // taken out of the commit count.
    public long OwnStatements => Interlocked.Read(ref _ownStatements);

    private long _ownStatements;

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    // Drops idle pooled connections, e.g. after PostgreSQL was restarted under them.
    public void ClearPool() => _source.Clear();

    // The database may just have been restarted (db-outage): a statement that fails on a dead pooled connection
    // is retried a few times on fresh ones.
    private async Task<T> RetryAsync<T>(Func<Task<T>> action)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action();
            }
            catch (NpgsqlException ex) when (attempt < 5 && (ex.IsTransient || ex is PostgresException { SqlState: "57P01" or "57P02" or "57P03" }))
            {
                _source.Clear();
                await Task.Delay(500 * attempt);
            }
        }
    }

    public Task<T> ScalarAsync<T>(string sql, params object[] args) => RetryAsync(async () =>
    {
        await using var command = _source.CreateCommand(sql);
        foreach (var arg in args)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = arg });
        }

        Interlocked.Increment(ref _ownStatements);
        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default! : (T)Convert.ChangeType(result, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    });

    public Task ExecuteAsync(string sql, params object[] args) => RetryAsync(async () =>
    {
        await using var command = _source.CreateCommand(sql);
        foreach (var arg in args)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = arg });
        }

        Interlocked.Increment(ref _ownStatements);
        return await command.ExecuteNonQueryAsync();
    });

    public Task<List<object?[]>> RowsAsync(string sql, params object[] args) => RetryAsync(() => RowsOnceAsync(sql, args));

    private async Task<List<object?[]>> RowsOnceAsync(string sql, object[] args)
    {
        await using var command = _source.CreateCommand(sql);
        foreach (var arg in args)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = arg });
        }

        Interlocked.Increment(ref _ownStatements);
        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public async Task<DbCounters> CountersAsync()
    {
        // One statement: the database's transaction counters, the next transaction id and the WAL position, and
        // the row counters of the module tables. txid_current() assigns this statement an xid (counted below).
        var rows = await RowsAsync("""
            SELECT d.xact_commit, d.xact_rollback, txid_current(), pg_current_wal_lsn() - '0/0'::pg_lsn,
                   t.schemaname || '.' || t.relname, t.n_tup_ins, t.n_tup_upd, t.n_tup_del
            FROM pg_stat_database d
            LEFT JOIN pg_stat_user_tables t ON t.schemaname IN ('ordering', 'inventory', 'payments', 'shipping')
            WHERE d.datname = current_database()
            """);
        var tables = rows.Where(r => r[4] is not null).ToDictionary(r => (string)r[4]!, r => new TableCounters((long)r[5]!, (long)r[6]!, (long)r[7]!));
        var first = rows[0];
        return new DbCounters((long)first[0]!, (long)first[1]!, (long)first[2]!, (long)(decimal)first[3]!, tables);
    }

    public Task<long> MaxSeqAsync() => ScalarAsync<long>("SELECT coalesce(max(seq), 0) FROM ordering.orders");

    public Task<long> PendingAsync() => ScalarAsync<long>("SELECT count(*) FROM ordering.orders WHERE status = 'Pending'");

    public Task<long> OutboxBacklogAsync() => ScalarAsync<long>("""
        SELECT (SELECT count(*) FROM ordering.outbox_messages WHERE dead_lettered_at IS NULL)
             + (SELECT count(*) FROM inventory.outbox_messages WHERE dead_lettered_at IS NULL)
             + (SELECT count(*) FROM payments.outbox_messages WHERE dead_lettered_at IS NULL)
             + (SELECT count(*) FROM shipping.outbox_messages WHERE dead_lettered_at IS NULL)
        """);

    public Task<long> OtherBackendsAsync() => ScalarAsync<long>(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'");

    // Polls until no order is Pending; returns the seconds waited, or null on timeout.
    public async Task<double?> WaitNoPendingAsync(TimeSpan timeout, Action<long>? progress = null)
    {
        var sw = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        while (true)
        {
            long pending;
            try
            {
                pending = await PendingAsync();
            }
            catch (NpgsqlException)
            {
                pending = -1;
            }

            if (pending == 0)
            {
                return sw.Elapsed.TotalSeconds;
            }

            if (sw.Elapsed >= timeout)
            {
                progress?.Invoke(pending);
                return null;
            }

            if (sw.Elapsed - lastReport >= TimeSpan.FromSeconds(10))
            {
                lastReport = sw.Elapsed;
                progress?.Invoke(pending);
            }

            await Task.Delay(100);
        }
    }

    // Orders placed after `afterSeq`, with the moment each left Pending and the moment it was confirmed,
    // both taken from the order's history (the host's clock, as created_at).
    public async Task<List<OrderRow>> OrdersAfterAsync(long afterSeq)
    {
        Interlocked.Increment(ref _ownStatements);
        await using var command = _source.CreateCommand("""
            SELECT o.id, o.status, o.rejection_reason, o.payment_status, o.payment_id IS NOT NULL, o.shipment_status, o.payment_token,
                   o.created_at, h.left_pending_at, h.confirmed_at, h.payment_step_at, h.shipment_step_at
            FROM ordering.orders o
            LEFT JOIN LATERAL (
                SELECT min(occurred_at) FILTER (WHERE subject = 'Order' AND from_state = 'Pending') AS left_pending_at,
                       min(occurred_at) FILTER (WHERE subject = 'Order' AND event = 'OrderConfirmed') AS confirmed_at,
                       min(occurred_at) FILTER (WHERE subject = 'Saga' AND event = 'StepStarted' AND to_state = 'AuthorizePayment') AS payment_step_at,
                       min(occurred_at) FILTER (WHERE subject = 'Saga' AND event = 'StepStarted' AND to_state = 'CreateShipment') AS shipment_step_at
                FROM ordering.history h
                WHERE h.order_id = o.id
            ) h ON true
            WHERE o.seq > $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = afterSeq });
        var rows = new List<OrderRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new OrderRow(
                reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetBoolean(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
                reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
                reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11)));
        }

        return rows;
    }

    // Copies the ids of accepted orders into a temporary table on one connection and runs `queries` there.
    public async Task<List<long>> WithAcceptedIdsAsync(IReadOnlyCollection<Guid> ids, params string[] queries)
    {
        await using var connection = await _source.OpenConnectionAsync();
        Interlocked.Add(ref _ownStatements, 2 + queries.Length);
        await using (var create = new NpgsqlCommand("CREATE TEMP TABLE accepted (id uuid PRIMARY KEY)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY accepted (id) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var id in ids.Distinct())
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(id, NpgsqlDbType.Uuid);
            }

            await writer.CompleteAsync();
        }

        var results = new List<long>();
        foreach (var sql in queries)
        {
            await using var query = new NpgsqlCommand(sql, connection);
            results.Add(Convert.ToInt64(await query.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
        }

        await using (var drop = new NpgsqlCommand("DROP TABLE accepted", connection))
        {
            await drop.ExecuteNonQueryAsync();
        }

        return results;
    }

    // Bulk-inserts `count` historical orders, Delivered and Completed, with their reservation, payment, shipment,
    // history and inbox rows, as a database that has served that many orders would hold. SKUs HIST-* are not
    // the benchmark's, so the stock checks are unaffected.
    public async Task PreloadAsync(long count, Action<string> log)
    {
        const long chunk = 100_000;
        var sw = Stopwatch.StartNew();
        for (long from = 1; from <= count; from += chunk)
        {
            var to = Math.Min(count, from + chunk - 1);
            var sql = PreloadSql.Replace("{from}", from.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{to}", to.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{total}", count.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            await using (var connection = await _source.OpenConnectionAsync())
            await using (var transaction = await connection.BeginTransactionAsync())
            {
                await using (var command = new NpgsqlCommand(sql, connection, transaction))
                {
                    await command.ExecuteNonQueryAsync();
                }

                await transaction.CommitAsync();
            }

            Interlocked.Increment(ref _ownStatements);
            log($"preload: {to} of {count} orders ({sw.Elapsed.TotalSeconds:0} s)");
        }

        foreach (var schema in new[] { "ordering", "inventory", "payments", "shipping" })
        {
            await ExecuteAsync($"VACUUM (ANALYZE) {schema}.history");
            await ExecuteAsync($"VACUUM (ANALYZE) {schema}.inbox_messages");
        }

        await ExecuteAsync("VACUUM (ANALYZE) ordering.orders");
        await ExecuteAsync("VACUUM (ANALYZE) ordering.fulfilment_sagas");
        await ExecuteAsync("VACUUM (ANALYZE) inventory.reservations");
        await ExecuteAsync("VACUUM (ANALYZE) payments.payments");
        await ExecuteAsync("VACUUM (ANALYZE) shipping.shipments");
        await ExecuteAsync("CHECKPOINT");
        log($"preload: done, vacuumed and checkpointed in {sw.Elapsed.TotalSeconds:0} s");
    }

    // {from}..{to}: the slice of the series; {total}: to spread created_at over the last 400 days.
    private const string PreloadSql = """
        SET LOCAL synchronous_commit = off;
        CREATE TEMP TABLE preload_slice ON COMMIT DROP AS
            SELECT g,
                   md5('order-' || g)::uuid AS order_id,
                   md5('payment-' || g)::uuid AS payment_id,
                   md5('shipment-' || g)::uuid AS shipment_id,
                   md5('reservation-' || g)::uuid AS reservation_id,
                   now() - interval '400 days' + (g::float8 / {total}::float8) * interval '395 days' AS created_at,
                   'HIST-SKU-' || lpad((g % 500)::text, 3, '0') AS sku,
                   1 + (g % 3)::int AS quantity,
                   (500 + (g * 7919) % 19500) / 100.0 AS unit_price,
                   (ARRAY['EUR', 'USD', 'GBP'])[1 + (g % 3)::int] AS currency
            FROM generate_series({from}::bigint, {to}::bigint) AS g;
        INSERT INTO ordering.orders (id, customer_id, status, rejection_reason, currency, lines, total, shipping_address,
            payment_method, payment_token, payment_id, payment_status, shipment_id, shipment_status, tracking_number,
            created_at, updated_at, version)
        SELECT order_id, 'hist-cust-' || (g % 50000), 'Delivered', NULL, currency,
               jsonb_build_array(jsonb_build_object('Sku', sku, 'Quantity', quantity, 'UnitPrice', unit_price, 'LineTotal', quantity * unit_price)),
               quantity * unit_price,
               jsonb_build_object('Name', 'Historic Customer', 'Line1', g || ' High St', 'Line2', NULL, 'City', 'Leeds', 'PostalCode', 'LS1 4AP', 'Country', 'GB'),
               'card', 'tok_visa', payment_id, 'Captured', shipment_id, 'Delivered', 'TRK' || g,
               created_at, created_at + interval '3 days', 7
        FROM preload_slice ORDER BY g;
        INSERT INTO ordering.fulfilment_sagas (order_id, status, current_step, attempts, last_error, started_at, updated_at,
            next_attempt_at, cancel_requested, stock_held, payment_held, shipment_held, outcome, version)
        SELECT order_id, 'Completed', 'None', 1, NULL, created_at, created_at + interval '2 seconds', NULL, false, true, true, true, NULL, 5
        FROM preload_slice;
        INSERT INTO ordering.history (order_id, occurred_at, subject, subject_id, event, from_state, to_state, detail)
        SELECT order_id, created_at + e.offs, 'Order', order_id, e.event, e.from_state, e.to_state, NULL
        FROM preload_slice
        CROSS JOIN (VALUES (interval '0', 'OrderPlaced', NULL, 'Pending'),
                           (interval '2 seconds', 'OrderConfirmed', 'Pending', 'Confirmed'),
                           (interval '1 day', 'OrderShipped', 'Confirmed', 'Shipped'),
                           (interval '3 days', 'OrderDelivered', 'Shipped', 'Delivered')) AS e(offs, event, from_state, to_state)
        ORDER BY g, e.offs;
        INSERT INTO ordering.inbox_messages (message_id, consumer, handled_at)
        SELECT md5('msg-o-' || g || '-' || k)::uuid, 'Ordering', created_at + k * interval '1 second'
        FROM preload_slice CROSS JOIN generate_series(1, 4) AS k;
        INSERT INTO inventory.reservations (id, order_id, status, lines, created_at, updated_at)
        SELECT reservation_id, order_id, 'Committed', jsonb_build_array(jsonb_build_object('Sku', sku, 'Quantity', quantity)),
               created_at, created_at + interval '1 day'
        FROM preload_slice;
        INSERT INTO inventory.inbox_messages (message_id, consumer, handled_at)
        SELECT md5('msg-i-' || g || '-' || k)::uuid, 'Inventory', created_at + k * interval '1 second'
        FROM preload_slice CROSS JOIN generate_series(1, 2) AS k;
        INSERT INTO payments.payments (id, order_id, amount, currency, method, token, status, attempts, last_error,
            authorization_code, created_at, updated_at)
        SELECT payment_id, order_id, quantity * unit_price, currency, 'card', 'tok_visa', 'Captured', 1, NULL,
               'sandbox-order-' || order_id, created_at, created_at + interval '1 day'
        FROM preload_slice;
        INSERT INTO payments.inbox_messages (message_id, consumer, handled_at)
        SELECT md5('msg-p-' || g || '-' || k)::uuid, 'Payments', created_at + k * interval '1 second'
        FROM preload_slice CROSS JOIN generate_series(1, 2) AS k;
        INSERT INTO shipping.shipments (id, order_id, status, carrier, tracking_number, lines, address, created_at, updated_at)
        SELECT shipment_id, order_id, 'Delivered', 'DHL', 'TRK' || g, jsonb_build_array(jsonb_build_object('Sku', sku, 'Quantity', quantity)),
               jsonb_build_object('name', 'Historic Customer', 'line1', g || ' High St', 'line2', NULL, 'city', 'Leeds', 'postalCode', 'LS1 4AP', 'country', 'GB'),
               created_at + interval '2 seconds', created_at + interval '3 days'
        FROM preload_slice;
        INSERT INTO shipping.inbox_messages (message_id, consumer, handled_at)
        SELECT md5('msg-s-' || g || '-' || k)::uuid, 'Shipping', created_at + k * interval '1 second'
        FROM preload_slice CROSS JOIN generate_series(1, 3) AS k;
        """;
}
