using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.Inventory.Contracts;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Operations;
using OrderManagement.Ordering.Persistence;
using OrderManagement.Ordering.Review;
using OrderManagement.Payments.Contracts;

namespace OrderManagement.Ordering.Tests;

// With review off (the default) the review step is answered as it starts, in the transaction that takes the stock's
// answer: no ReviewOrder message, no review deadline, no extra delivery per order (ADR 0025). A saga that an earlier
// build left waiting for its ReviewOrder message still finishes when that message arrives.
public sealed class ReviewOffTests(OrderingModuleFixture fixture) : OrderingTest(fixture)
{
    [Fact]
    public async Task Given_review_off_When_the_stock_is_reserved_Then_the_review_is_passed_and_the_payment_asked_for_in_the_same_transaction()
    {
        var orderId = await PlacedOrderAsync();

        await ReplyAsync(new StockReserved(orderId, Guid.NewGuid()));

        (await SagaAsync(orderId)).CurrentStep.ShouldBe(SagaCurrentStep.AuthorizePayment);
        var started = await StepsStartedAsync(orderId);
        started.Select(s => s.ToState).ShouldBe(["ReserveStock", "ReviewOrder", "AuthorizePayment"]);
        started[2].TransactionId.ShouldBe(started[1].TransactionId, "the review step must not cost a message and a transaction of its own");
        (await SentAsync<AuthorizePayment>(m => m.OrderId == orderId)).ShouldHaveSingleItem();
        (await PendingDeadlinesAsync(orderId)).ShouldBe(1); // the payment step's
    }

    [Fact]
    public async Task Given_a_saga_an_earlier_build_left_waiting_for_its_ReviewOrder_When_that_message_arrives_with_review_off_Then_the_order_is_cleared_and_paid()
    {
        var orderId = await PlacedOrderAsync();
        await ReplyAsync(new StockReserved(orderId, Guid.NewGuid()));
        await PutSagaBackInReviewAsync(orderId);

        await Host.DeliverAsync(new ReviewOrder(orderId), OrderingModule.Name);

        (await SagaAsync(orderId)).CurrentStep.ShouldBe(SagaCurrentStep.AuthorizePayment);
        (await SentAsync<AuthorizePayment>(m => m.OrderId == orderId, count: 2)).Count.ShouldBe(2);
        await PaymentAuthorizedAsync(orderId);
        await ShipmentCreatedAsync(orderId);
        (await UntilSagaAsync(orderId, s => s.Status == SagaStatus.Completed, "the saga to complete")).Status.ShouldBe(SagaStatus.Completed);
    }

    private Task<List<HistoryRecord>> StepsStartedAsync(Guid orderId) =>
        Host.InScopeAsync(sp => sp.GetRequiredService<OrderingDbContext>().History.AsNoTracking()
            .Where(h => h.OrderId == orderId && h.Event == "StepStarted").OrderBy(h => h.Id).ToListAsync());

    // As a saga row of the previous build looks between its ReviewOrder and the answer: in review, nothing held by the step.
    private async Task PutSagaBackInReviewAsync(Guid orderId)
    {
        await using var connection = new NpgsqlConnection(Host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "UPDATE ordering.fulfilment_sagas SET state = 'InReview', current_step = 'ReviewOrder', completed_steps = '{ReserveStock}' WHERE order_id = $1",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = orderId });
        (await command.ExecuteNonQueryAsync()).ShouldBe(1);
    }
}
