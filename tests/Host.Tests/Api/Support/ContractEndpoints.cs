using System.Text;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Api.Support;

// Every endpoint of the contract with the roles that may call it and a well-formed request for it.
public sealed record ContractEndpoint(string Name, HttpMethod Method, string Path, string[] Roles, string? Body = null)
{
    public const string Storefront = "storefront";
    public const string Operator = "operator";

    public static readonly IReadOnlyList<ContractEndpoint> All = Build();

    public RawRequest Request(string? apiKey, int expectedStatus) =>
        new(Name, Method, Path, apiKey, expectedStatus) { Body = Body is null ? null : Encoding.UTF8.GetBytes(Body) };

    public static string KeyOf(string role) => role == Storefront ? ApiFactory.StorefrontKey : ApiFactory.OperatorKey;

    private static List<ContractEndpoint> Build()
    {
        var id = Guid.NewGuid();
        string[] both = [Storefront, Operator];
        string[] operators = [Operator];
        return
        [
            new("set stock", HttpMethod.Put, "/api/v1/inventory/AUTH-SKU", operators, "{\"onHand\":5}"),
            new("get stock", HttpMethod.Get, "/api/v1/inventory/AUTH-SKU", both),
            new("place order", HttpMethod.Post, "/api/v1/orders", [Storefront], OrderRequests.PlaceOrderBody().ToJsonString()),
            new("get order", HttpMethod.Get, $"/api/v1/orders/{id}", both),
            new("list orders", HttpMethod.Get, "/api/v1/orders?limit=5", both),
            new("cancel order", HttpMethod.Post, $"/api/v1/orders/{id}/cancel", both, "{\"reason\":\"x\"}"),
            new("order history", HttpMethod.Get, $"/api/v1/orders/{id}/history", both),
            new("approve review", HttpMethod.Post, $"/api/v1/orders/{id}/review/approve", operators, "{\"reason\":\"x\"}"),
            new("reject review", HttpMethod.Post, $"/api/v1/orders/{id}/review/reject", operators, "{\"reason\":\"x\"}"),
            new("get shipment", HttpMethod.Get, $"/api/v1/shipments/{id}", operators),
            new("dispatch", HttpMethod.Post, $"/api/v1/shipments/{id}/dispatch", operators, "{\"carrier\":\"DHL\",\"trackingNumber\":\"T1\"}"),
            new("deliver", HttpMethod.Post, $"/api/v1/shipments/{id}/deliver", operators),
            new("get payment", HttpMethod.Get, $"/api/v1/payments/{id}", operators),
            new("list sagas", HttpMethod.Get, "/api/v1/ops/sagas", operators),
            new("get saga", HttpMethod.Get, $"/api/v1/ops/sagas/{id}", operators),
            new("retry saga", HttpMethod.Post, $"/api/v1/ops/sagas/{id}/retry", operators, "{\"reason\":\"x\"}"),
            new("list dead letters", HttpMethod.Get, "/api/v1/ops/dead-letters", operators),
            new("list stalls", HttpMethod.Get, "/api/v1/ops/stalls", operators),
            new("get settings", HttpMethod.Get, "/api/v1/ops/settings", operators),
            new("change settings", HttpMethod.Put, "/api/v1/ops/settings", operators, "{\"settings\":{\"Stalls:ReleaseStock\":\"00:00:15\"},\"reason\":\"x\"}"),
            new("replay dead letter", HttpMethod.Post, $"/api/v1/ops/dead-letters/{id}/replay", operators, "{\"reason\":\"x\"}"),
        ];
    }
}
