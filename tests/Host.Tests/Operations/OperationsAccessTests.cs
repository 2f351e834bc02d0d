using System.Net;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Operations;

[Collection(ApiCollection.Name)]
public sealed class OperationsAccessTests(ApiFactory api)
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/api/v1/ops/sagas" },
        { "GET", $"/api/v1/ops/sagas/{Guid.NewGuid()}" },
        { "POST", $"/api/v1/ops/sagas/{Guid.NewGuid()}/retry" },
        { "GET", "/api/v1/ops/dead-letters" },
        { "POST", $"/api/v1/ops/dead-letters/{Guid.NewGuid()}/replay" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Given_the_storefront_key_When_an_operations_endpoint_is_called_Then_403(string method, string path)
    {
        var response = await api.Storefront().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Given_no_key_When_an_operations_endpoint_is_called_Then_401(string method, string path)
    {
        var response = await api.ClientWithKey(null).SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Given_an_unknown_key_When_an_operations_endpoint_is_called_Then_401(string method, string path)
    {
        var response = await api.ClientWithKey("not-a-key").SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }
}
