using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Inventory.Contracts;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Operations;
using OrderManagement.Payments.Contracts;

namespace OrderManagement.Ordering.Tests;

public sealed class DeadLetterTests(OrderingModuleFixture fixture) : OrderingTest(fixture)
{
    [Fact]
    public async Task Given_a_running_saga_When_a_message_about_its_order_is_dead_lettered_Then_the_saga_is_Failed_with_a_lastError_naming_the_replay_endpoint()
    {
        var orderId = await PlacedOrderAsync();
        await StockReservedAsync(orderId);
        var deadLetterId = Guid.NewGuid();

        await DeadLetteredAsync(deadLetterId, OrderingModuleFixture.Payments, new AuthorizePayment(orderId, Total, "EUR", "card", "tok_visa"));

        var saga = await SagaAsync(orderId);
        (saga.Status, saga.CurrentStep, saga.NextAttemptAt).ShouldBe((SagaStatus.Failed, SagaCurrentStep.AuthorizePayment, null));
        saga.LastError.ShouldNotBeNull();
        saga.LastError.ShouldContain("payments.authorize-payment.v1 to Payments was dead-lettered");
        saga.LastError.ShouldContain($"replay it (dead letter {deadLetterId}) or retry the current step");
    }

    [Fact]
    public async Task Given_a_saga_failed_by_a_dead_letter_When_the_step_deadline_would_have_passed_Then_nothing_is_sent_again()
    {
        var orderId = await PlacedOrderAsync();
        await StockReservedAsync(orderId);
        await DeadLetteredAsync(Guid.NewGuid(), OrderingModuleFixture.Payments, new AuthorizePayment(orderId, Total, "EUR", "card", "tok_visa"));

        PassDeadline(OrderingModuleFixture.PaymentStepDeadline);

        (await PendingDeadlinesAsync(orderId)).ShouldBe(0);
        (await AllSentAsync<AuthorizePayment>(m => m.OrderId == orderId)).Count.ShouldBe(1);
        (await SagaAsync(orderId)).Status.ShouldBe(SagaStatus.Failed);
    }

    [Fact]
    public async Task Given_a_saga_failed_by_a_dead_letter_When_its_history_is_read_Then_it_shows_SagaFailed_with_the_error()
    {
        var orderId = await PlacedOrderAsync();
        var deadLetterId = Guid.NewGuid();

        await DeadLetteredAsync(deadLetterId, OrderingModuleFixture.Inventory, new ReserveStock(orderId, [new StockLine("MUG-01", 1)]));

        var failed = (await HistoryAsync(orderId)).Entries[^1];
        (failed.Event, failed.FromState, failed.ToState).ShouldBe(("SagaFailed", "Running", "Failed"));
        failed.Detail.ShouldBe((await SagaAsync(orderId)).LastError);
    }

    [Fact]
    public async Task Given_a_dead_letter_that_names_no_order_When_it_is_noticed_Then_no_saga_changes()
    {
        var orderId = await PlacedOrderAsync();
        var before = await SagaAsync(orderId);

        await NotifyAsync(new DeadLetterNotice(Guid.NewGuid(), "Inventory", "inventory.something.v1", """{"sku":"MUG-01"}""", "boom"));

        (await SagaAsync(orderId)).ShouldBe(before);
    }

    private Task DeadLetteredAsync<T>(Guid deadLetterId, string consumer, T message) where T : notnull =>
        DeadLetters.NotifyAsync(Host, deadLetterId, consumer, message);

    private Task NotifyAsync(DeadLetterNotice notice) => DeadLetters.NotifyAsync(Host, notice);
}

internal static class DeadLetters
{
    // As the dispatcher does once a delivery has used up its attempts.
    public static Task NotifyAsync<T>(TestKit.ModuleTestHost host, Guid deadLetterId, string consumer, T message) where T : notnull
    {
        var types = host.Services.GetRequiredService<MessageTypeMap>();
        return NotifyAsync(host, new DeadLetterNotice(deadLetterId, consumer, types.NameOf(typeof(T)),
            JsonSerializer.Serialize(message, MessageSerializer.Options), "InvalidOperationException: the handler kept failing"));
    }

    public static async Task NotifyAsync(TestKit.ModuleTestHost host, DeadLetterNotice notice)
    {
        foreach (var listener in host.Services.GetServices<IDeadLetterListener>())
        {
            await listener.OnDeadLetteredAsync(notice, CancellationToken.None);
        }
    }
}
