using System.Reflection;
using System.Runtime.CompilerServices;
using Npgsql;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Inventory.Contracts;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Operations;
using OrderManagement.Ordering.Webhooks;

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

    // A message type Ordering handles that SagaRowLocks cannot place would run unlocked in a group and could deadlock again.
    [Fact]
    public void Given_every_message_Ordering_handles_When_its_order_is_asked_Then_SagaRowLocks_names_it()
    {
        var handled = typeof(OrderingModule).Assembly.GetTypes()
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IMessageHandler<>))
            .Select(i => i.GetGenericArguments()[0])
            .Where(t => t != typeof(WebhookEventRecorded))
            .Distinct()
            .ToList();
        handled.Count.ShouldBeGreaterThan(15);

        var orderId = Guid.NewGuid();
        handled.Where(type => SagaRowLocks.OrderIdOf(WithOrderId(type, orderId)) != orderId).Select(t => t.Name)
            .ShouldBeEmpty("map each of these to its order in SagaRowLocks.OrderIdOf");
    }

    private static object WithOrderId(Type type, Guid orderId)
    {
        var message = RuntimeHelpers.GetUninitializedObject(type);
        var property = type.GetProperty("OrderId", BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{type.Name} has no OrderId");
        property.SetValue(message, orderId);
        return message;
    }
}
