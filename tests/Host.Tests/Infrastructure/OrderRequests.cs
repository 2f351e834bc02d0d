using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Infrastructure;

// Builders and helpers for talking to the API like a storefront does.
public static class OrderRequests
{
    public static JsonObject PlaceOrderBody(string token = "tok_visa", params (string Sku, int Quantity, decimal UnitPrice)[] lines)
    {
        if (lines.Length == 0)
        {
            lines = [("TSHIRT-RED-M", 2, 19.99m)];
        }

        return new JsonObject
        {
            ["customerId"] = "cust-42",
            ["currency"] = "EUR",
            ["lines"] = new JsonArray(lines.Select(l => (JsonNode)new JsonObject
            {
                ["sku"] = l.Sku,
                ["quantity"] = l.Quantity,
                ["unitPrice"] = l.UnitPrice,
            }).ToArray()),
            ["shippingAddress"] = new JsonObject
            {
                ["name"] = "Ada Lovelace",
                ["line1"] = "1 Main St",
                ["line2"] = null,
                ["city"] = "London",
                ["postalCode"] = "N1 9GU",
                ["country"] = "GB",
            },
            ["payment"] = new JsonObject { ["method"] = "card", ["token"] = token },
        };
    }

    public static async Task SetStockAsync(this HttpClient operatorClient, string sku, int onHand)
    {
        var response = await operatorClient.PutAsJsonAsync($"/api/v1/inventory/{sku}", new { onHand });
        response.EnsureSuccessStatusCode();
    }

    public static async Task<JsonObject> GetJsonAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public static async Task<Guid> PlaceOrderAsync(this HttpClient storefront, JsonObject body)
    {
        var response = await storefront.PostAsJsonAsync("/api/v1/orders", body);
        if ((int)response.StatusCode != 202)
        {
            throw new InvalidOperationException($"Place order answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        var order = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return order["orderId"]!.GetValue<Guid>();
    }

    public static Task<JsonObject> WaitForStatusAsync(this HttpClient client, Guid orderId, string status, TimeSpan? timeout = null) =>
        Poller.UntilAsync(
            () => client.GetJsonAsync($"/api/v1/orders/{orderId}"),
            order => order["status"]!.GetValue<string>() == status,
            $"order {orderId} to become {status}",
            timeout ?? FulfilmentProbes.Patience);

    public static string Status(this JsonObject order) => order["status"]!.GetValue<string>();

    public static string? Text(this JsonNode node, string field) => node[field]?.GetValue<string>();

    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
}
