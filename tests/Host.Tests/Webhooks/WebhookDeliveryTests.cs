using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrderManagement.Host.Tests.Infrastructure;
using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Webhooks;

// Issue 16 point 5 end to end: real host, real PostgreSQL, a real receiver on 127.0.0.1 that checks every signature
// with the StandardWebhooks library.
[Collection(WebhookCollection.Name)]
public sealed class WebhookDeliveryTests(WebhookApiFactory api) : StockedApiTests(api, "HOOK-SKU", 100)
{
    private const int DefaultAttempts = 10;

    private static readonly string[] Lifecycle = ["order.placed", "order.confirmed", "order.shipped", "order.delivered"];

    [Fact]
    public async Task Given_a_subscription_When_an_order_is_placed_confirmed_shipped_and_delivered_Then_each_event_arrives_signed_and_in_order()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (webhookId, secret) = await Storefront.SubscribeAsync(receiver.Url);
        secret.ShouldStartWith("whsec_");
        receiver.Secret = secret;

        var orderId = await Storefront.RunOrderToDeliveredAsync(Operator, Sku);

        var accepted = await receiver.WaitForAcceptedAsync(4, "four events of the order");
        accepted.Select(r => r.Type).ShouldBe(Lifecycle);
        accepted.ShouldAllBe(r => r.SignatureVerified && r.OrderId == orderId && r.WebhookId.StartsWith("msg_"));
        accepted.Select(r => r.WebhookId).Distinct().Count().ShouldBe(4);
        accepted[^1].Body["data"]!["status"]!.GetValue<string>().ShouldBe("Delivered");
        receiver.Received.Count.ShouldBe(4, "nothing was sent twice or unsigned");

        var log = await Storefront.WaitForDeliveriesAsync(webhookId, items => items.Count == 4 && items.All(i => i!["status"]!.GetValue<string>() == "Delivered"),
            "the delivery log");
        log.Select(i => i!["webhookId"]!.GetValue<string>()).Order().ShouldBe(accepted.Select(r => r.WebhookId).Order());
        log.ShouldAllBe(i => i!["attempts"]!.GetValue<int>() == 1 && i["lastStatusCode"]!.GetValue<int>() == 200);
    }

    [Fact]
    public async Task Given_a_receiver_that_fails_then_is_down_When_it_comes_back_Then_every_event_arrives_once_per_id_in_order_per_order()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (webhookId, secret) = await Storefront.SubscribeAsync(receiver.Url);
        receiver.Secret = secret;
        receiver.AnswerStatus = 500;
        await SetMaxAttemptsAsync(WebhookApiFactory.ManyAttempts);
        try
        {
            await FailThenDownThenBackAsync(receiver, webhookId);
        }
        finally
        {
            await SetMaxAttemptsAsync(DefaultAttempts);
        }
    }

    private async Task FailThenDownThenBackAsync(WebhookReceiver receiver, Guid webhookId)
    {
        var first = await Storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (Sku, 1, 19.99m)));
        var second = await Storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (Sku, 2, 19.99m)));
        await Storefront.WaitForStatusAsync(first, "Confirmed");
        await Storefront.WaitForStatusAsync(second, "Confirmed");
        (await Storefront.CancelAsync(second)).IsSuccessStatusCode.ShouldBeTrue();
        await Storefront.WaitForStatusAsync(second, "Cancelled");
        await Poller.UntilAsync(() => Task.FromResult(receiver.Received.Count(r => r.Status == 500) >= 3), "failed attempts while the receiver answers 500");

        await receiver.DownAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
        var refused = await Storefront.DeliveriesAsync(webhookId);
        refused.ShouldContain(i => i!["lastError"] != null && i["lastStatusCode"] == null, "an attempt met the receiver down (no status code)");

        receiver.AnswerStatus = 200;
        await receiver.UpAsync();
        await Storefront.WaitForDeliveriesAsync(webhookId, items => items.Count == 5 && items.All(i => i!["status"]!.GetValue<string>() == "Delivered"),
            "every delivery delivered after the receiver came back");

        receiver.Accepted.GroupBy(r => r.WebhookId).ShouldAllBe(g => g.Count() == 1, "each webhook-id accepted once");
        var byOrder = receiver.AcceptedTypesByOrder();
        byOrder[first].ShouldBe(["order.placed", "order.confirmed"]);
        byOrder[second].ShouldBe(["order.placed", "order.confirmed", "order.cancelled"]);
        receiver.Received.ShouldAllBe(r => r.SignatureVerified);
    }

    [Fact]
    public async Task Given_a_receiver_that_always_fails_When_attempts_run_out_Then_the_event_is_dead_lettered_later_ones_wait_and_a_replay_sends_them_in_order()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (webhookId, secret) = await Storefront.SubscribeAsync(receiver.Url);
        receiver.Secret = secret;
        receiver.AnswerStatus = 503;
        await SetMaxAttemptsAsync(WebhookApiFactory.FewAttempts);
        try
        {
            await DeadLetterThenReplayAsync(receiver, webhookId);
        }
        finally
        {
            await SetMaxAttemptsAsync(DefaultAttempts);
        }
    }

    private async Task DeadLetterThenReplayAsync(WebhookReceiver receiver, Guid webhookId)
    {
        var orderId = await Storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (Sku, 1, 19.99m)));
        await Storefront.WaitForStatusAsync(orderId, "Confirmed");
        var log = await Storefront.WaitForDeliveriesAsync(webhookId, items => items.Count == 2
            && items.Any(i => i!["status"]!.GetValue<string>() == "DeadLettered"), "the placed event dead-lettered");
        var dead = log.Single(i => i!["eventType"]!.GetValue<string>() == "order.placed")!;
        dead["status"]!.GetValue<string>().ShouldBe("DeadLettered");
        dead["attempts"]!.GetValue<int>().ShouldBe(WebhookApiFactory.FewAttempts);
        dead["lastStatusCode"]!.GetValue<int>().ShouldBe(503);
        dead["nextAttemptAt"].ShouldBeNull();
        var held = log.Single(i => i!["eventType"]!.GetValue<string>() == "order.confirmed")!;
        held["status"]!.GetValue<string>().ShouldBe("Pending");
        held["attempts"]!.GetValue<int>().ShouldBe(0, "a later event of the order waits behind the dead letter");
        receiver.Received.Count.ShouldBe(WebhookApiFactory.FewAttempts);
        (await Storefront.DeliveriesAsync(webhookId, "&status=DeadLettered")).Count.ShouldBe(1);

        receiver.AnswerStatus = 200;
        var replay = await Storefront.PostAsync($"/api/v1/webhooks/{webhookId}/replay", null);
        replay.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await replay.ReadJsonAsync())["replayed"]!.GetValue<int>().ShouldBe(1);

        var accepted = await receiver.WaitForAcceptedAsync(2, "the replayed event and the one behind it");
        accepted.Select(r => r.Type).ShouldBe(["order.placed", "order.confirmed"]);
        accepted.Select(r => r.WebhookId).ShouldBe([dead["webhookId"]!.GetValue<string>(), held["webhookId"]!.GetValue<string>()]);
        receiver.Received.Where(r => r.Type == "order.placed").Select(r => r.WebhookId).Distinct().Count().ShouldBe(1, "the webhook-id is stable across attempts");
    }

    private async Task SetMaxAttemptsAsync(int attempts)
    {
        var response = await Operator.PutAsJsonAsync("/api/v1/ops/settings", new
        {
            settings = new Dictionary<string, string> { ["Ordering:Webhooks:MaxAttempts"] = attempts.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            reason = "webhook dead-letter test",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Given_a_receiver_down_for_one_subscription_When_orders_flow_Then_another_subscription_gets_its_events_meanwhile()
    {
        await using var down = await WebhookReceiver.StartAsync();
        await using var up = await WebhookReceiver.StartAsync();
        var (_, downSecret) = await Storefront.SubscribeAsync(down.Url);
        down.Secret = downSecret;
        await down.DownAsync();
        var (_, upSecret) = await Storefront.SubscribeAsync(up.Url, "order.placed", "order.confirmed");
        up.Secret = upSecret;

        var orderId = await Storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (Sku, 1, 19.99m)));
        await Storefront.WaitForStatusAsync(orderId, "Confirmed");

        var accepted = await up.WaitForAcceptedAsync(2, "the healthy receiver's events");
        accepted.Select(r => r.Type).ShouldBe(["order.placed", "order.confirmed"]);
    }
}
