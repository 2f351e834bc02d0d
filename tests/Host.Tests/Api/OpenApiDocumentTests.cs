using System.Text.Json.Nodes;
using OrderManagement.Host.Tests.Api.Support;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class OpenApiDocumentTests(ApiFactory api)
{
    [Fact]
    public async Task Given_the_running_api_When_its_document_is_read_anonymously_Then_every_contract_path_method_status_scheme_and_enum_is_there()
    {
        var document = await DocumentAsync();

        OpenApiContract.FindGaps(document).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("path", "POST /api/v1/orders/{orderId}/cancel is missing")]
    [InlineData("status", "POST /api/v1/orders does not document 422")]
    [InlineData("problem", "GET /api/v1/inventory/{sku} 404 is not application/problem+json")]
    [InlineData("security", "GET /api/v1/ops/sagas does not require the API key")]
    [InlineData("scheme", "no apiKey security scheme for the X-Api-Key header in components.securitySchemes")]
    [InlineData("enum", "OrderView.status does not list the values Pending, Confirmed, Shipped, Delivered, Cancelled, Rejected")]
    [InlineData("enum-kind", "ReturnView.status is text, not an enum")]
    [InlineData("parameter-kind", "GET /api/v1/webhooks/{webhookId}/deliveries parameter status is text, not an enum")]
    public async Task Given_a_copy_of_the_document_with_one_thing_removed_When_checked_Then_the_gap_is_reported(string removed, string gap)
    {
        var document = (JsonObject)(await DocumentAsync()).DeepClone();
        var paths = document["paths"]!.AsObject();
        switch (removed)
        {
            case "path":
                paths.Remove("/api/v1/orders/{orderId}/cancel");
                break;
            case "status":
                paths["/api/v1/orders"]!["post"]!["responses"]!.AsObject().Remove("422");
                break;
            case "problem":
                paths["/api/v1/inventory/{sku}"]!["get"]!["responses"]!["404"]!["content"]!.AsObject().Remove("application/problem+json");
                break;
            case "security":
                paths["/api/v1/ops/sagas"]!["get"]!.AsObject().Remove("security");
                break;
            case "scheme":
                document["components"]!.AsObject().Remove("securitySchemes");
                break;
            case "enum":
                OpenApiContract.EnumHolder(document, document["components"]!["schemas"]!["OrderView"]!["properties"]!["status"])!.Remove("enum");
                break;
            case "enum-kind":
                document["components"]!["schemas"]!["ReturnView"]!["properties"]!["status"] = new JsonObject { ["type"] = "string" };
                break;
            case "parameter-kind":
                paths["/api/v1/webhooks/{webhookId}/deliveries"]!["get"]!["parameters"]!.AsArray()
                    .Single(p => p!["name"]!.GetValue<string>() == "status")!["schema"] = new JsonObject { ["type"] = "string" };
                break;
        }

        OpenApiContract.FindGaps(document).ShouldBe([gap]);
    }

    [Fact]
    public async Task Given_the_document_When_read_Then_the_idempotency_header_the_ETag_and_the_list_filters_are_described()
    {
        var document = await DocumentAsync();
        var paths = document["paths"]!;

        foreach (var path in (string[])["/api/v1/orders", "/api/v1/orders/{orderId}/cancel"])
        {
            paths[path]!["post"]!["parameters"]!.AsArray().ShouldContain(p => p!["name"]!.GetValue<string>() == "Idempotency-Key" && p["in"]!.GetValue<string>() == "header");
        }

        paths["/api/v1/orders"]!["post"]!["responses"]!["202"]!["headers"]!.AsObject().ShouldContainKey("Location");
        paths["/api/v1/orders/{orderId}"]!["get"]!["responses"]!["200"]!["headers"]!.AsObject().ShouldContainKey("ETag");
        var status = paths["/api/v1/orders"]!["get"]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "status")!;
        OpenApiContract.EnumHolder(document, status["schema"])!["enum"]!.AsArray().Where(v => v is not null).Select(v => v!.GetValue<string>())
            .ShouldBe(Representation.OrderStatuses);
        var limit = paths["/api/v1/orders"]!["get"]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "limit")!;
        limit["schema"]!["maximum"]!.GetValue<int>().ShouldBe(100);
        document["components"]!["schemas"]!["ProblemDetails"]!["properties"]!.AsObject().ShouldContainKey("traceId");
    }

    private async Task<JsonObject> DocumentAsync()
    {
        using var response = await api.CreateClient().GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
