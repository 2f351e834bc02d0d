using System.Net;
using System.Net.Http.Json;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Webhooks;

// A line cancellation's outcome reaches a subscriber of order.lines_cancelled, signed, carrying the order after it
// (docs/adr/0021).
[Collection(WebhookCollection.Name)]
public sealed class LineCancellationWebhookTests(WebhookApiFactory api) : StockedApiTests(api, "HOOK-LC", 100)
{
    [Fact]
    public async Task Given_a_subscription_to_order_lines_cancelled_When_a_line_is_cancelled_Then_the_event_arrives_with_the_reduced_total()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (_, secret) = await Storefront.SubscribeAsync(receiver.Url, "order.lines_cancelled");
        receiver.Secret = secret;
        var orderId = await Storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (Sku, 3, 10.00m)));
        await Storefront.WaitForStatusAsync(orderId, "Confirmed");

        var answer = await Storefront.PostAsJsonAsync($"/api/v1/orders/{orderId}/lines/cancel",
            new { lines = new[] { new { sku = Sku, quantity = 2 } }, reason = "two too many" });

        answer.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var accepted = (await receiver.WaitForAcceptedAsync(1, "the lines_cancelled event")).ShouldHaveSingleItem();
        (accepted.Type, accepted.SignatureVerified, accepted.OrderId).ShouldBe(("order.lines_cancelled", true, orderId));
        accepted.Body["data"]!["total"]!.GetValue<decimal>().ShouldBe(10.00m);
    }
}
