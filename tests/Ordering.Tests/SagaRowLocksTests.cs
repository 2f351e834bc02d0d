using Npgsql;
using OrderManagement.Inventory.Contracts;
using OrderManagement.Ordering.Operations;

namespace OrderManagement.Ordering.Tests;

// A group of replies about several orders locks their rows without waiting (SagaRowLocks): a busy order's message is
// left out, the others commit, and two groups can no longer deadlock on ordering.fulfilment_sagas.
public sealed class SagaRowLocksTests(OrderingModuleFixture fixture) : OrderingTest(fixture)
{
    [Fact]
    public async Task Given_another_transaction_holds_one_orders_saga_When_a_group_of_replies_arrives_Then_only_that_orders_reply_is_left_out()
    {
        var busy = await PlacedOrderAsync();
        var free = await PlacedOrderAsync();
        await using var connection = new NpgsqlConnection(Host.ConnectionString);
        await connection.OpenAsync();
        await using (var holder = await connection.BeginTransactionAsync())
        {
            await using (var hold = new NpgsqlCommand("SELECT 1 FROM ordering.fulfilment_sagas WHERE order_id = $1 FOR UPDATE", connection, holder))
            {
                hold.Parameters.Add(new NpgsqlParameter { Value = busy });
                await hold.ExecuteScalarAsync();
            }

            var errors = await Host.DeliverGroupAsync([new StockReserved(busy, Guid.NewGuid()), new StockReserved(free, Guid.NewGuid())], OrderingModule.Name);

            // Left out as busy (BuildingBlocks' internal RowsBusyException), not failed by a lock wait.
            errors[0].ShouldNotBeNull().GetType().Name.ShouldBe("RowsBusyException");
            errors[1].ShouldBeNull();
            await holder.RollbackAsync();
        }

        await UntilSagaAsync(free, s => s.CurrentStep != SagaCurrentStep.ReserveStock, "the free order's saga to move on");
        (await SagaAsync(busy)).CurrentStep.ShouldBe(SagaCurrentStep.ReserveStock);
        await StockReservedAsync(busy);
        (await SagaAsync(busy)).CurrentStep.ShouldNotBe(SagaCurrentStep.ReserveStock);
    }
}
