using Npgsql;
using OrderManagement.Host.Tests.Infrastructure;
using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Inventory;

// Another session holds one SKU's stock row (SELECT ... FOR UPDATE, as a long report or a stuck admin would): only
// orders for that SKU wait, and their waiting is not counted as failed delivery attempts.
[Collection(LockedStockCollection.Name)]
public sealed class LockedStockTests(LockedStockApiFactory api) : IAsyncLifetime
{
    private const string LockedSku = "LOCKED-SKU-A";
    private const string FreeSku = "FREE-SKU-B";

    private readonly HttpClient _storefront = api.Storefront();
    private readonly HttpClient _operator = api.Operator();

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        await _operator.SetStockAsync(LockedSku, 10);
        await _operator.SetStockAsync(FreeSku, 10);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_one_sku_row_locked_by_another_session_When_orders_for_it_and_another_sku_are_placed_Then_the_other_confirms_meanwhile_and_the_locked_one_after_release_without_spent_attempts()
    {
        await using var locker = new NpgsqlConnection(api.ConnectionString);
        await locker.OpenAsync();
        var lockHeld = await locker.BeginTransactionAsync();
        await using (var select = new NpgsqlCommand("SELECT on_hand FROM inventory.stock_items WHERE sku = $1 FOR UPDATE", locker, lockHeld))
        {
            select.Parameters.Add(new NpgsqlParameter { Value = LockedSku });
            await select.ExecuteScalarAsync();
        }

        var lockedOrder = await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (LockedSku, 1, 10m)));
        await Poller.UntilAsync(() => ReservationHasMetTheLockAsync(lockedOrder), "the locked SKU's reservation to meet the row lock");

        var freeOrder = await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (FreeSku, 1, 10m)));

        var free = await _storefront.WaitForOutcomeAsync(freeOrder, TimeSpan.FromSeconds(10));
        free.Status().ShouldBe("Confirmed");
        // Held for many lock timeouts: as failed attempts these would have used up MaxAttempts several times over.
        var patience = DateTime.UtcNow + LockedStockApiFactory.LockTimeout * (6 * LockedStockApiFactory.MaxAttempts);
        while (DateTime.UtcNow < patience)
        {
            var row = await ReservationDeliveryAsync(lockedOrder);
            row.ShouldNotBeNull("the reservation's delivery row while the lock is held");
            row.Attempts.ShouldBe(0, row.LastError);
            row.DeadLettered.ShouldBeFalse();
            await Task.Delay(LockedStockApiFactory.LockTimeout);
        }

        (await _storefront.GetJsonAsync($"/api/v1/orders/{lockedOrder}")).Status().ShouldBe("Pending");
        (await ReservationDeliveryAsync(lockedOrder))!.LastError.ShouldNotBeNull().ShouldContain("lock");
        await lockHeld.RollbackAsync();

        var locked = await _storefront.WaitForOutcomeAsync(lockedOrder, TimeSpan.FromSeconds(10));
        locked.Status().ShouldBe("Confirmed");
        await _storefront.AssertStockAsync(LockedSku, onHand: 10, reserved: 1);
    }

    // The delivery waits on the lock now, or has waited and is due again.
    private async Task<bool> ReservationHasMetTheLockAsync(Guid orderId)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var waiting = new NpgsqlCommand(
            "SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        return (int)(await waiting.ExecuteScalarAsync())! > 0 || (await ReservationDeliveryAsync(orderId))?.LastError is not null;
    }

    private async Task<DeliveryRow?> ReservationDeliveryAsync(Guid orderId)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT attempts, last_error, dead_lettered_at IS NOT NULL FROM ordering.outbox_messages
            WHERE consumer = 'Inventory' AND type = 'inventory.reserve-stock.v1' AND payload->>'orderId' = $1
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = orderId.ToString() });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new DeliveryRow(reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetBoolean(2))
            : null;
    }

    private sealed record DeliveryRow(int Attempts, string? LastError, bool DeadLettered);
}
