using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrderManagement.Host.Tests.Infrastructure;
using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Webhooks;

internal static class WebhookClient
{
    public static async Task<(Guid Id, string Secret)> SubscribeAsync(this HttpClient client, string url, params string[] eventTypes)
    {
        var response = await client.PostAsJsonAsync("/api/v1/webhooks", new { url, eventTypes });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.ReadJsonAsync();
        return (Guid.Parse(body.Text("id")!), body.Text("secret")!);
    }

    public static async Task<JsonArray> DeliveriesAsync(this HttpClient client, Guid webhookId, string query = "") =>
        (await client.GetJsonAsync($"/api/v1/webhooks/{webhookId}/deliveries?limit=100{query}"))["items"]!.AsArray();

    public static Task<JsonArray> WaitForDeliveriesAsync(this HttpClient client, Guid webhookId, Func<JsonArray, bool> done, string what) =>
        Poller.UntilAsync(() => client.DeliveriesAsync(webhookId), done, what, FulfilmentProbes.Patience);

    public static Task<IReadOnlyList<ReceivedWebhook>> WaitForAcceptedAsync(this WebhookReceiver receiver, int count, string what) =>
        Poller.UntilAsync(() => Task.FromResult(receiver.Accepted), accepted => accepted.Count >= count, what, FulfilmentProbes.Patience);

    // Placed, confirmed, dispatched and delivered: the events order.placed, order.confirmed, order.shipped, order.delivered.
    public static async Task<Guid> RunOrderToDeliveredAsync(this HttpClient storefront, HttpClient @operator, string sku)
    {
        var orderId = await storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (sku, 1, 19.99m)));
        var confirmed = await storefront.WaitForStatusAsync(orderId, "Confirmed");
        (await @operator.DispatchAsync(confirmed.Text("shipmentId")!)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await storefront.WaitForStatusAsync(orderId, "Shipped");
        (await @operator.PostAsync($"/api/v1/shipments/{confirmed.Text("shipmentId")}/deliver", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await storefront.WaitForStatusAsync(orderId, "Delivered");
        return orderId;
    }

    // Each order's accepted events, in the order they were accepted, deduplicated by webhook-id as a receiver does.
    public static Dictionary<Guid, List<string>> AcceptedTypesByOrder(this WebhookReceiver receiver) =>
        receiver.Accepted.DistinctBy(r => r.WebhookId).GroupBy(r => r.OrderId).ToDictionary(g => g.Key, g => g.Select(r => r.Type).ToList());
}
