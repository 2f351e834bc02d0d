using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrderManagement.Host.Tests.Infrastructure;
using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Api.Support;

public static class ApiCalls
{
    public static HttpRequestMessage PlaceOrderRequest(JsonObject body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    public static HttpRequestMessage CancelRequest(Guid orderId, string? reason, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/orders/{orderId}/cancel") { Content = JsonContent.Create(new { reason }) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public static bool IsReplay(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Idempotent-Replayed", out var values) && values.Single() == "true";

    // An order for a SKU nobody stocks is rejected OutOfStock at once: a quick way to a final state.
    public static async Task<Guid> PlaceRejectedOrderAsync(this HttpClient storefront, string customerId)
    {
        var body = OrderRequests.PlaceOrderBody("tok_visa", ("NOT-STOCKED", 1, 5m));
        body["customerId"] = customerId;
        var orderId = await storefront.PlaceOrderAsync(body);
        await storefront.WaitForStatusAsync(orderId, "Rejected");
        return orderId;
    }

    public static async Task<Guid> PlaceConfirmedOrderAsync(this HttpClient storefront, HttpClient operatorClient, string sku = "TSHIRT-RED-M")
    {
        await operatorClient.SetStockAsync(sku, 100);
        var orderId = await storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (sku, 2, 19.99m)));
        await storefront.WaitForStatusAsync(orderId, "Confirmed");
        return orderId;
    }

    public static Task<JsonObject> WaitForJsonAsync(this HttpClient client, string path, Func<JsonObject, bool> done, string what) =>
        Poller.UntilAsync(() => client.GetJsonAsync(path), done, what);
}
