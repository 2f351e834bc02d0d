using OrderManagement.Host.Tests.Infrastructure;
using OrderManagement.Host.Tests.Returns;

namespace OrderManagement.Host.Tests.Webhooks;

// A return's steps reach a subscriber as return.requested, return.received and refunded, signed and in order, each
// carrying the order as it was after the step (issue 16 point 5's event list, docs/adr/0020).
[Collection(WebhookCollection.Name)]
public sealed class ReturnWebhookTests(WebhookApiFactory api) : StockedApiTests(api, "HOOK-SKU", 100)
{
    [Fact]
    public async Task Given_a_subscription_to_return_events_When_a_return_is_requested_received_and_refunded_Then_the_three_events_arrive_in_order()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (_, secret) = await Storefront.SubscribeAsync(receiver.Url, "return.requested", "return.received", "refunded");
        receiver.Secret = secret;
        var orderId = await ReturnFlows.DeliveredOrderAsync(Storefront, Operator);

        var returnId = await Storefront.ReturnIdAsync(orderId, (ReturnFlows.Shirt, 1));
        (await Operator.ReceiveAsync(returnId, (ReturnFlows.Shirt, 1, true))).EnsureSuccessStatusCode();

        var accepted = await receiver.WaitForAcceptedAsync(3, "three return events");
        accepted.Select(r => r.Type).ShouldBe(["return.requested", "return.received", "refunded"]);
        accepted.ShouldAllBe(r => r.SignatureVerified && r.OrderId == orderId);
        accepted[^1].Body["data"]!["refundedAmount"]!.GetValue<decimal>().ShouldBe(10.00m);
    }
}
