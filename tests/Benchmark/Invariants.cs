using System.Globalization;

namespace OrderManagement.Benchmark;

// The contract's invariants, checked against the modules' tables after a run. `afterSeq` excludes preloaded
// history; `accepted` are the ids of every order that got 202 (warm-up included).
internal static class Invariants
{
    private static readonly string[] Schemas = ["ordering", "inventory", "payments", "shipping"];

    public static async Task CheckAsync(Database db, Checks checks, IReadOnlyCollection<Guid> accepted, long afterSeq,
        IReadOnlyDictionary<string, int> initialStock)
    {
        var counts = await db.WithAcceptedIdsAsync(accepted,
            "SELECT count(*) FROM accepted a WHERE NOT EXISTS (SELECT 1 FROM ordering.orders o WHERE o.id = a.id)",
            "SELECT count(*) FROM accepted a JOIN ordering.orders o ON o.id = a.id WHERE o.status = 'Pending'");
        checks.Add("every order that got 202 exists", counts[0] == 0, $"{accepted.Count} accepted, {counts[0]} missing");

        var pendingAll = await db.PendingAsync();
        var runOrders = await db.ScalarAsync<long>("SELECT count(*) FROM ordering.orders WHERE seq > $1", afterSeq);
        checks.Add("no order left Pending", pendingAll == 0 && counts[1] == 0,
            $"{runOrders} orders in the run ({runOrders - accepted.Count} beyond the 202s: requests whose answer was lost), {pendingAll} Pending ({counts[1]} of them accepted)");

        var breakdown = await db.RowsAsync("""
            SELECT status, coalesce(rejection_reason, '-'), coalesce(payment_status, 'null'), coalesce(shipment_status, 'null'), count(*)
            FROM ordering.orders WHERE seq > $1 GROUP BY 1, 2, 3, 4 ORDER BY 5 DESC
            """, afterSeq);
        Console.WriteLine("     outcomes (status / reason / paymentStatus / shipmentStatus: orders): "
            + string.Join("; ", breakdown.Select(r => $"{r[0]}/{r[1]}/{r[2]}/{r[3]}: {r[4]}")));

        await Count(db, checks, "order's paymentStatus and shipmentStatus agree with its status", """
            SELECT count(*) FROM ordering.orders o WHERE o.seq > $1 AND o.status <> 'Pending' AND NOT (
                   (o.status = 'Confirmed' AND o.rejection_reason IS NULL AND o.payment_status = 'Authorized' AND o.payment_id IS NOT NULL
                    AND o.shipment_status = 'ReadyToShip' AND o.shipment_id IS NOT NULL)
                OR (o.status = 'Rejected' AND o.rejection_reason = 'PaymentDeclined' AND o.payment_status = 'Declined' AND o.shipment_id IS NULL AND o.shipment_status IS NULL)
                OR (o.status = 'Rejected' AND o.rejection_reason = 'PaymentFailed' AND o.payment_status = 'Failed' AND o.shipment_id IS NULL AND o.shipment_status IS NULL)
                OR (o.status = 'Rejected' AND o.rejection_reason = 'OutOfStock' AND o.payment_status IS NULL AND o.payment_id IS NULL
                    AND o.shipment_id IS NULL AND o.shipment_status IS NULL)
                OR (o.status = 'Cancelled' AND o.rejection_reason IS NULL AND o.payment_status IS DISTINCT FROM 'Authorized'
                    AND o.payment_status IS DISTINCT FROM 'Captured' AND (o.shipment_status IS NULL OR o.shipment_status = 'Cancelled')))
            """, afterSeq, "orders whose mirror fields disagree (Confirmed->Authorized/ReadyToShip, Declined, Failed, OutOfStock->null, Cancelled->nothing held)");

        await Count(db, checks, "payments.payments agrees with the order", """
            SELECT count(*) FROM ordering.orders o LEFT JOIN payments.payments p ON p.order_id = o.id
            WHERE o.seq > $1 AND o.status <> 'Pending' AND NOT coalesce(
                   (o.status = 'Confirmed' AND p.status = 'Authorized' AND p.id = o.payment_id)
                OR (o.rejection_reason = 'PaymentDeclined' AND p.status = 'Declined')
                OR (o.rejection_reason = 'PaymentFailed' AND p.status = 'Failed')
                OR (o.rejection_reason = 'OutOfStock' AND p.id IS NULL)
                OR (o.status = 'Cancelled' AND (p.id IS NULL OR p.status IN ('Voided', 'Declined', 'Failed'))), false)
            """, afterSeq, "orders whose payment row disagrees");

        await Count(db, checks, "at most one payment per order",
            "SELECT count(*) FROM (SELECT order_id FROM payments.payments GROUP BY order_id HAVING count(*) > 1) d", null, "orders with several payment rows");
        await Count(db, checks, "no payment authorized twice",
            "SELECT count(*) FROM (SELECT order_id FROM payments.history WHERE to_state = 'Authorized' GROUP BY order_id HAVING count(*) > 1) d",
            null, "orders with several authorizations in payments.history");
        await Count(db, checks, "captured never above authorized",
            "SELECT count(*) FROM payments.payments WHERE captured_amount < 0 OR captured_amount > amount", null,
            "payments whose captured amount is negative or above the authorized amount");
        await Count(db, checks, "each capture counted once", """
            SELECT count(*) FROM payments.payments p
            WHERE EXISTS (SELECT 1 FROM payments.captures c WHERE c.payment_id = p.id)
              AND p.captured_amount <> (SELECT coalesce(sum(c.amount), 0) FROM payments.captures c WHERE c.payment_id = p.id AND c.status = 'Captured')
            """, null, "payments whose captured amount is not the sum of their captures (one per shipment: docs/adr/0019)");
        // Line cancellations (ADR 0021) lower the order's total and the payment's authorized amount together.
        await Count(db, checks, "authorized amount follows the order's total", """
            SELECT count(*) FROM ordering.orders o JOIN payments.payments p ON p.order_id = o.id
            WHERE o.status = 'Confirmed' AND p.status = 'Authorized' AND o.total <> p.amount
              AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(o.line_cancellations) c WHERE c->>'Status' = 'Requested')
            """, null, "Confirmed orders whose total is not their payment's authorized amount");
        await Count(db, checks, "at most one reservation per order",
            "SELECT count(*) FROM (SELECT order_id FROM inventory.reservations GROUP BY order_id HAVING count(*) > 1) d", null, "orders with several reservations");
        await Count(db, checks, "no stock reserved twice",
            "SELECT count(*) FROM (SELECT order_id FROM inventory.history WHERE event = 'StockReserved' GROUP BY order_id HAVING count(*) > 1) d",
            null, "orders reserved several times in inventory.history");

        await Count(db, checks, "reservation agrees with the order", """
            SELECT count(*) FROM ordering.orders o LEFT JOIN inventory.reservations r ON r.order_id = o.id
            WHERE o.seq > $1 AND o.status <> 'Pending' AND NOT coalesce(
                   (o.status = 'Confirmed' AND r.status = 'Reserved')
                OR (o.rejection_reason IN ('PaymentDeclined', 'PaymentFailed') AND r.status = 'Released')
                OR (o.rejection_reason = 'OutOfStock' AND (r.id IS NULL OR r.status = 'Released'))
                OR (o.status = 'Cancelled' AND (r.id IS NULL OR r.status = 'Released')), false)
            """, afterSeq, "orders whose reservation disagrees (Confirmed->Reserved, Rejected or Cancelled->Released or none)");

        await Count(db, checks, "shipment agrees with the order", """
            SELECT count(*) FROM ordering.orders o LEFT JOIN shipping.shipments s ON s.order_id = o.id
            WHERE o.seq > $1 AND o.status <> 'Pending' AND NOT coalesce(
                   (o.status = 'Confirmed' AND s.status = 'ReadyToShip' AND s.id = o.shipment_id)
                OR (o.status = 'Rejected' AND s.id IS NULL)
                OR (o.status = 'Cancelled' AND (s.id IS NULL OR s.status = 'Cancelled')), false)
            """, afterSeq, "orders whose shipment disagrees (Confirmed->one ReadyToShip, Rejected->none, Cancelled->none or Cancelled)");

        await Count(db, checks, "every order left Pending at most once", """
            SELECT count(*) FROM (SELECT order_id FROM ordering.history WHERE subject = 'Order' AND from_state = 'Pending' AND to_state <> 'Pending'
                                  GROUP BY order_id HAVING count(*) > 1) d
            """, null, "orders with several Pending->X transitions");

        await Count(db, checks, "every saga finished", """
            SELECT count(*) FROM ordering.orders o LEFT JOIN ordering.fulfilment_sagas s ON s.order_id = o.id
            WHERE o.seq > $1 AND (s.order_id IS NULL OR s.status NOT IN ('Completed', 'Compensated'))
            """, afterSeq, "orders without a Completed/Compensated saga");

        await Count(db, checks, "no dead letters",
            string.Join(" + ", Schemas.Select(s => $"(SELECT count(*) FROM {s}.outbox_messages WHERE dead_lettered_at IS NOT NULL)")).Insert(0, "SELECT "),
            null, "dead-lettered messages");

        // Returns (ADR 0020): a unit is in one live return at most, a return is refunded once, and no payment gives back
        // more than it captured.
        await Count(db, checks, "no unit returned or refunded twice", """
            SELECT count(*) FROM ordering.orders o CROSS JOIN LATERAL jsonb_array_elements(o.lines) ol
            WHERE (ol->>'Quantity')::int < (SELECT coalesce(sum((rl->>'Quantity')::int), 0) FROM ordering.returns r
                                             CROSS JOIN LATERAL jsonb_array_elements(r.lines) rl
                                             WHERE r.order_id = o.id AND r.status <> 'Rejected' AND rl->>'Sku' = ol->>'Sku')
            """, null, "order lines with more units in live returns than ordered");
        await Count(db, checks, "no return refunded twice",
            "SELECT count(*) FROM (SELECT subject_id FROM ordering.history WHERE event = 'RefundIssued' GROUP BY subject_id HAVING count(*) > 1) d",
            null, "returns with several RefundIssued entries");
        await Count(db, checks, "captured minus refunded never negative", """
            SELECT count(*) FROM payments.payments p
            WHERE p.refunded_amount > CASE WHEN p.status IN ('Captured', 'Refunded') THEN p.amount ELSE 0 END
               OR p.refunded_amount <> (SELECT coalesce(sum(f.amount), 0) FROM payments.refunds f WHERE f.payment_id = p.id AND f.status = 'Succeeded')
            """, null, "payments that refunded more than they captured, or whose refunded amount is not the sum of their refunds");

        await CheckStockAsync(db, checks, initialStock);
    }

    private static async Task Count(Database db, Checks checks, string name, string sql, long? afterSeq, string what)
    {
        var n = afterSeq is { } seq ? await db.ScalarAsync<long>(sql, seq) : await db.ScalarAsync<long>(sql);
        checks.Add(name, n == 0, $"{n} {what}");
    }

    private static async Task CheckStockAsync(Database db, Checks checks, IReadOnlyDictionary<string, int> initialStock)
    {
        var rows = await db.RowsAsync("""
            WITH conf AS (
                SELECT l->>'Sku' AS sku, sum((l->>'Quantity')::int) AS q
                FROM ordering.orders o CROSS JOIN LATERAL jsonb_array_elements(o.lines) l
                WHERE o.status = 'Confirmed' GROUP BY 1),
            res AS (
                SELECT l->>'Sku' AS sku,
                       coalesce(sum((l->>'Quantity')::int) FILTER (WHERE r.status = 'Reserved'), 0) AS reserved,
                       coalesce(sum((l->>'Quantity')::int) FILTER (WHERE r.status = 'Committed'), 0) AS committed
                FROM inventory.reservations r CROSS JOIN LATERAL jsonb_array_elements(r.lines) l GROUP BY 1),
            restocked AS (
                SELECT l->>'Sku' AS sku, sum((l->>'ReceivedQuantity')::int) AS q
                FROM ordering.returns r CROSS JOIN LATERAL jsonb_array_elements(r.lines) l
                WHERE r.status IN ('Received', 'Refunded') AND (l->>'Restock')::boolean GROUP BY 1)
            SELECT s.sku, s.on_hand, s.reserved, coalesce(conf.q, 0)::bigint, coalesce(res.reserved, 0)::bigint, coalesce(res.committed, 0)::bigint,
                   coalesce(restocked.q, 0)::bigint
            FROM inventory.stock_items s LEFT JOIN conf ON conf.sku = s.sku LEFT JOIN res ON res.sku = s.sku LEFT JOIN restocked ON restocked.sku = s.sku
            """);
        var bySku = rows.ToDictionary(r => (string)r[0]!);
        var conservation = new List<string>();
        var reservedVsOrders = new List<string>();
        var reservedVsReservations = new List<string>();
        var bounds = new List<string>();
        long totalReserved = 0, totalConfirmedUnits = 0;
        foreach (var (sku, initial) in initialStock)
        {
            if (!bySku.TryGetValue(sku, out var r))
            {
                conservation.Add($"{sku} missing");
                continue;
            }

            long onHand = (int)r[1]!, reserved = (int)r[2]!, confirmed = (long)r[3]!, reservedRows = (long)r[4]!, committed = (long)r[5]!, restocked = (long)r[6]!;
            totalReserved += reserved;
            totalConfirmedUnits += confirmed;
            if (onHand + committed - restocked != initial)
            {
                conservation.Add($"{sku}: onHand {onHand} + shipped {committed} - restocked from returns {restocked} != initial {initial}");
            }

            if (reserved != confirmed)
            {
                reservedVsOrders.Add($"{sku}: reserved {reserved} != Confirmed units {confirmed}");
            }

            if (reserved != reservedRows)
            {
                reservedVsReservations.Add($"{sku}: reserved {reserved} != Reserved reservation units {reservedRows}");
            }

            if (reserved < 0 || reserved > onHand)
            {
                bounds.Add($"{sku}: reserved {reserved}, onHand {onHand}");
            }
        }

        static string Detail(List<string> problems, string ok) =>
            problems.Count == 0 ? ok : $"{problems.Count} SKUs: " + string.Join("; ", problems.Take(5)) + (problems.Count > 5 ? "; ..." : "");

        checks.Add("stock conserved (onHand initial == onHand + shipped units - units restocked from returns)", conservation.Count == 0,
            Detail(conservation, $"{initialStock.Count} SKUs"));
        checks.Add("reserved == units of Confirmed orders", reservedVsOrders.Count == 0,
            Detail(reservedVsOrders, $"{totalReserved.ToString(CultureInfo.InvariantCulture)} units reserved, {totalConfirmedUnits.ToString(CultureInfo.InvariantCulture)} in Confirmed orders"));
        checks.Add("reserved == units of Reserved reservations", reservedVsReservations.Count == 0, Detail(reservedVsReservations, "all SKUs agree"));
        checks.Add("0 <= reserved <= onHand", bounds.Count == 0, Detail(bounds, "all SKUs"));
    }
}
