using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Inventory.Contracts;
using OrderManagement.Ordering.CancelOrder;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.GetOrder;
using OrderManagement.Ordering.Operations;
using OrderManagement.Ordering.OrderHistory;
using OrderManagement.Ordering.Orders;
using OrderManagement.Ordering.Persistence;
using OrderManagement.Ordering.PlaceOrder;
using OrderManagement.Payments.Contracts;
using OrderManagement.Shipping.Contracts;
using OrderManagement.TestKit;

namespace OrderManagement.Ordering.Tests;

// Each test starts from empty tables and ends once every message that has fallen due has been delivered.
// Deadlines scheduled for later stay in the outbox until the test moves the clock, so "drained" means "due".
public abstract class OrderingTest(OrderingModuleFixture fixture) : IClassFixture<OrderingModuleFixture>, IAsyncLifetime
{
    protected const string Storefront = "storefront-test";
    protected const string Operator = "ops-alice";
    protected const decimal Total = 45.48m;

    protected ModuleTestHost Host => fixture.Host;
    private protected ManualClock Clock => fixture.Clock;
    private protected FakeModuleHistories Histories => fixture.Histories;

    public async Task InitializeAsync()
    {
        await Host.ResetDatabaseAsync();
        Host.Recorder.Clear();
        Histories.Clear();
    }

    public Task DisposeAsync() => UntilDueMessagesDeliveredAsync();

    // Two lines: 2 x 19.99 + 1 x 5.50 = 45.48 EUR.
    private protected static PlaceOrderCommand PlaceOrder(string token = "tok_visa") => new(
        "cust-42",
        "EUR",
        [new PlaceOrderCommand.Line("TSHIRT-RED-M", 2, 19.99m), new PlaceOrderCommand.Line("MUG-01", 1, 5.50m)],
        new ShippingAddress("Ada Lovelace", "1 Main St", null, "London", "N1 9GU", "GB"),
        "card",
        token);

    private protected Task<OrderView> PlaceOrderAsync(string token = "tok_visa") => Host.SendAsync(PlaceOrder(token));

    protected async Task<Guid> PlacedOrderAsync() => (await PlaceOrderAsync()).OrderId;

    // Replies reach Ordering through its real inbox, as another module's dispatcher would deliver them.
    protected Task ReplyAsync<T>(T reply, Guid? messageId = null) where T : notnull =>
        Host.DeliverAsync(reply, OrderingModule.Name, messageId);

    // The review step that follows (ADR 0018) is answered by Ordering itself, through its own outbox: with review off it
    // clears at once, so wait for that before the test sends the payment's answer.
    protected async Task StockReservedAsync(Guid orderId)
    {
        await ReplyAsync(new StockReserved(orderId, Guid.NewGuid()));
        await UntilSagaAsync(orderId, s => s.CurrentStep != SagaCurrentStep.ReviewOrder, "the review step to be answered");
    }

    protected async Task<Guid> PaymentAuthorizedAsync(Guid orderId)
    {
        var paymentId = Guid.NewGuid();
        await ReplyAsync(new PaymentAuthorized(orderId, paymentId));
        return paymentId;
    }

    protected async Task<Guid> ShipmentCreatedAsync(Guid orderId)
    {
        var shipmentId = Guid.NewGuid();
        await ReplyAsync(new ShipmentCreated(orderId, shipmentId));
        return shipmentId;
    }

    // An order whose stock is reserved, payment authorized and shipment created: Confirmed, saga Completed.
    protected async Task<OrderIds> ConfirmedOrderAsync()
    {
        var orderId = await PlacedOrderAsync();
        await StockReservedAsync(orderId);
        var paymentId = await PaymentAuthorizedAsync(orderId);
        var shipmentId = await ShipmentCreatedAsync(orderId);
        return new OrderIds(orderId, paymentId, shipmentId);
    }

    protected async Task<OrderIds> ShippedOrderAsync()
    {
        var order = await ConfirmedOrderAsync();
        await ReplyAsync(new ShipmentDispatched(order.OrderId, order.ShipmentId, "DHL", "JD0146000012345"));
        return order;
    }

    // An order whose ReserveStock went unanswered through every attempt: its saga is Failed at ReserveStock.
    protected async Task<Guid> SagaFailedAtReserveStockAsync()
    {
        var orderId = await PlacedOrderAsync();
        PassDeadline(OrderingModuleFixture.StepDeadline);
        await SentAsync<ReserveStock>(m => m.OrderId == orderId, count: OrderingModuleFixture.MaxStepAttempts);
        PassDeadline(OrderingModuleFixture.StepDeadline);
        await UntilSagaAsync(orderId, s => s.Status == SagaStatus.Failed, "the saga to fail");
        return orderId;
    }

    private protected Task<CancelOrderResult> CancelAsync(Guid orderId, string? reason = "changed my mind") =>
        Host.SendAsync(new CancelOrderCommand(orderId, reason, Storefront));

    private protected Task<SagaView> RetryAsync(Guid orderId, string? reason = "provider is back") =>
        Host.SendRequestAsync(new OperatorActionRequest(reason), body => body.ToRetrySaga(orderId, Operator));

    private protected Task<OrderView> OrderAsync(Guid orderId) => Host.SendAsync(new GetOrderQuery(orderId));

    private protected Task<SagaView> SagaAsync(Guid orderId) => Host.SendAsync(new GetSagaQuery(orderId));

    // ADR 0006: a history read shows an entry once every older transaction of the database has ended, and the module's
    // own background work (deliveries, the webhook fan-out and sender) may hold one open for a moment. The test reads
    // its own writes: it waits until every transaction that began before this read has ended, then reads.
    private protected async Task<OrderHistoryView> HistoryAsync(Guid orderId)
    {
        await Host.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<OrderingDbContext>();
            var next = await db.Database.SqlQueryRaw<long>("""SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint AS "Value" """).SingleAsync();
            return await Poller.UntilAsync(() => HistoryHorizon.ReadAsync(db, CancellationToken.None), horizon => horizon >= next,
                "every transaction older than the history read to end");
        });
        return await Host.SendAsync(new OrderHistoryQuery(orderId));
    }

    private protected Task<SagaView> UntilSagaAsync(Guid orderId, Func<SagaView, bool> done, string what) =>
        Poller.UntilAsync(() => SagaAsync(orderId), done, what);

    // The commands Ordering sent to the faked modules, once `count` of them have arrived.
    protected Task<IReadOnlyList<T>> SentAsync<T>(Func<T, bool> match, int count = 1) => Host.UntilReceivedAsync(match, count);

    // Everything Ordering has sent so far, once all of it has been delivered: for asserting what was NOT sent.
    protected async Task<IReadOnlyList<T>> AllSentAsync<T>(Func<T, bool> match)
    {
        await UntilDueMessagesDeliveredAsync();
        return Host.Recorder.Received<T>().Where(match).ToList();
    }

    // Every command sent about the order, by type name. Commands to different modules may be delivered in
    // parallel, so the order they were recorded in is not the order they were sent in.
    protected async Task<IReadOnlyList<string>> AllSentForAsync(Guid orderId)
    {
        await UntilDueMessagesDeliveredAsync();
        return Host.Recorder.Received<object>().Where(m => OrderIdOf(m) == orderId).Select(m => m.GetType().Name).ToList();
    }

    // Deadline deliveries of the order still scheduled in Ordering's outbox. A deadline that fell due is deleted
    // by the dispatcher only after its handler committed, so due rows are waited out first.
    protected async Task<long> PendingDeadlinesAsync(Guid orderId)
    {
        await UntilDueMessagesDeliveredAsync();
        await using var connection = new NpgsqlConnection(Host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM ordering.outbox_messages WHERE type = $1 AND payload->>'orderId' = $2 AND dead_lettered_at IS NULL", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = Host.Services.GetRequiredService<MessageTypeMap>().NameOf(typeof(FulfilmentDeadline)) });
        command.Parameters.Add(new NpgsqlParameter { Value = orderId.ToString() });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    // Moves the clock past the current step's deadline; the dispatcher then delivers the deadline on its next poll.
    protected void PassDeadline(TimeSpan deadline) => Clock.Advance(deadline + TimeSpan.FromSeconds(1));

    // No outbox row that is due by Ordering's clock is left undelivered (rows scheduled for later do not count).
    protected Task UntilDueMessagesDeliveredAsync() =>
        Poller.UntilAsync(
            async () =>
            {
                await using var connection = new NpgsqlConnection(Host.ConnectionString);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(
                    "SELECT count(*) FROM ordering.outbox_messages WHERE dead_lettered_at IS NULL AND available_at <= $1", connection);
                command.Parameters.Add(new NpgsqlParameter { Value = Clock.GetUtcNow() });
                return (long)(await command.ExecuteScalarAsync())!;
            },
            due => due == 0,
            "Ordering's due outbox rows to be delivered");

    private static Guid? OrderIdOf(object message) =>
        message.GetType().GetProperty("OrderId")?.GetValue(message) as Guid?;

    protected sealed record OrderIds(Guid OrderId, Guid PaymentId, Guid ShipmentId);
}
