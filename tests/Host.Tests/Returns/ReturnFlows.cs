using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrderManagement.Host.Tests.Infrastructure;
using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Returns;

// A delivered order of three items (2 x SHIRT at 10.00, 1 x CAP at 5.00, 25.00 EUR captured) and the calls the return
// tests make on it.
public static class ReturnFlows
{
    public const string Shirt = "RETURN-SHIRT";
    public const string Cap = "RETURN-CAP";
    public const int Stocked = 50;

    public static async Task<Guid> DeliveredOrderAsync(HttpClient storefront, HttpClient operatorClient)
    {
        await operatorClient.SetStockAsync(Shirt, Stocked);
        await operatorClient.SetStockAsync(Cap, Stocked);
        var orderId = await storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (Shirt, 2, 10.00m), (Cap, 1, 5.00m)));
        var confirmed = await storefront.WaitForStatusAsync(orderId, "Confirmed");
        var shipmentId = confirmed.Text("shipmentId")!;
        (await operatorClient.DispatchAsync(shipmentId)).EnsureSuccessStatusCode();
        await storefront.WaitForOrderAsync(orderId, o => o.Text("paymentStatus") == "Captured", "payment Captured");
        (await operatorClient.PostAsync($"/api/v1/shipments/{shipmentId}/deliver", null)).EnsureSuccessStatusCode();
        await storefront.WaitForStatusAsync(orderId, "Delivered");
        await operatorClient.WaitForStockAsync(Shirt, Stocked - 2, 0);
        await operatorClient.WaitForStockAsync(Cap, Stocked - 1, 0);
        return orderId;
    }

    public static Task<HttpResponseMessage> RequestReturnAsync(this HttpClient client, Guid orderId, params (string Sku, int Quantity)[] lines) =>
        client.PostAsJsonAsync($"/api/v1/orders/{orderId}/returns",
            new { reason = "too small", lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }) });

    public static async Task<Guid> ReturnIdAsync(this HttpClient client, Guid orderId, params (string Sku, int Quantity)[] lines)
    {
        using var response = await client.RequestReturnAsync(orderId, lines);
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(201, body);
        return JsonNode.Parse(body)!["returnId"]!.GetValue<Guid>();
    }

    public static Task<HttpResponseMessage> ReceiveAsync(this HttpClient operatorClient, Guid returnId, params (string Sku, int Quantity, bool Restock)[] lines) =>
        operatorClient.PostAsJsonAsync($"/api/v1/returns/{returnId}/receive",
            new { lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity, restock = l.Restock }) });

    public static Task<JsonObject> WaitForReturnAsync(this HttpClient client, Guid returnId, string status) =>
        Poller.UntilAsync(() => client.GetJsonAsync($"/api/v1/returns/{returnId}"), r => r.Text("status") == status,
            $"return {returnId} to become {status}", FulfilmentProbes.Patience);

    public static async Task<int> CountAsync(this HttpClient client, Guid orderId, string @event) =>
        (await client.GetJsonAsync($"/api/v1/orders/{orderId}/history"))["entries"]!.AsArray().Count(e => e!.Text("event") == @event);
}
