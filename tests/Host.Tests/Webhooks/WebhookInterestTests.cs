using Npgsql;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Webhooks;

// An order change records a webhook event only for a type some subscription wants (WebhookInterest, ADR 0017): with
// no subscriber an order costs no event rows and no fan-out deliveries.
[Collection(WebhookCollection.Name)]
public sealed class WebhookInterestTests(WebhookApiFactory api) : StockedApiTests(api, "INTEREST-SKU", 100)
{
    [Fact]
    public async Task Given_no_subscription_When_an_order_is_confirmed_Then_no_event_is_recorded_and_a_new_subscription_gets_only_its_types_at_once()
    {
        // The reset deleted earlier tests' subscriptions; the host reads that within one refresh.
        await Task.Delay(3 * WebhookApiFactory.InterestRefresh);
        var before = await EventsRecordedAsync();
        var unheard = await Storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (Sku, 1, 19.99m)));
        await Storefront.WaitForStatusAsync(unheard, "Confirmed");
        (await EventsRecordedAsync()).ShouldBe(before, "nobody subscribes, so the placed and confirmed events are not recorded");

        await using var receiver = await WebhookReceiver.StartAsync();
        var (_, secret) = await Storefront.SubscribeAsync(receiver.Url, "order.confirmed");
        receiver.Secret = secret;
        var heard = await Storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (Sku, 1, 19.99m)));
        await Storefront.WaitForStatusAsync(heard, "Confirmed");

        var accepted = await receiver.WaitForAcceptedAsync(1, "the confirmed event of the order placed after the subscription");
        (accepted.ShouldHaveSingleItem().OrderId, accepted[0].Type).ShouldBe((heard, "order.confirmed"));
        (await EventsRecordedAsync()).ShouldBe(before + 1, "only the subscribed type is recorded, from the subscription on");
    }

    // Every recorded event takes the next value of webhook_events' identity, which neither the fan-out's delete of an
    // unwanted event nor the tests' reset gives back.
    private async Task<long> EventsRecordedAsync()
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT coalesce(pg_sequence_last_value('ordering.webhook_events_sequence_seq'), 0)", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
