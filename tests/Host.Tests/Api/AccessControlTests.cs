using OrderManagement.Host.Tests.Api.Support;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class AccessControlTests(ApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> Endpoints() => new(ContractEndpoint.All.Select(e => e.Name));

    public static TheoryData<string, string> RolesNotAllowed() =>
        Pairs(ContractEndpoint.All.SelectMany(e => new[] { ContractEndpoint.Storefront, ContractEndpoint.Operator }.Except(e.Roles).Select(r => (e.Name, r))));

    public static TheoryData<string, string> RolesAllowed() => Pairs(ContractEndpoint.All.SelectMany(e => e.Roles.Select(r => (e.Name, r))));

    private static TheoryData<string, string> Pairs(IEnumerable<(string Endpoint, string Role)> pairs)
    {
        var data = new TheoryData<string, string>();
        foreach (var (endpoint, role) in pairs)
        {
            data.Add(endpoint, role);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Given_no_or_an_unknown_api_key_When_an_endpoint_is_called_Then_401_problem_and_nothing_is_written(string endpoint)
    {
        var contract = ContractEndpoint.All.Single(e => e.Name == endpoint);
        await using var rows = await DatabaseRows.OpenAsync(api.ConnectionString);
        var before = await rows.WaitUntilQuietAsync();
        var client = api.CreateClient();

        foreach (var key in (string?[])[null, "", "not-a-key", ApiFactory.StorefrontKey.ToUpperInvariant(), "dev-operator-key-2"])
        {
            using var response = await client.SendAsync(contract.Request(key, 401).ToMessage());
            (await Problems.CheckAsync(response, 401, null)).ShouldBeNull($"key '{key}'");
        }

        DatabaseRows.Difference(before, await rows.SnapshotAsync()).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(RolesNotAllowed))]
    public async Task Given_a_known_key_of_a_role_not_allowed_When_the_endpoint_is_called_Then_403_problem_and_nothing_is_written(string endpoint, string role)
    {
        var contract = ContractEndpoint.All.Single(e => e.Name == endpoint);
        await using var rows = await DatabaseRows.OpenAsync(api.ConnectionString);
        var before = await rows.WaitUntilQuietAsync();

        using var response = await api.CreateClient().SendAsync(contract.Request(ContractEndpoint.KeyOf(role), 403).ToMessage());

        await response.ShouldBeProblemAsync(403);
        DatabaseRows.Difference(before, await rows.SnapshotAsync()).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(RolesAllowed))]
    public async Task Given_a_key_of_an_allowed_role_When_the_endpoint_is_called_Then_it_is_neither_401_nor_403(string endpoint, string role)
    {
        var contract = ContractEndpoint.All.Single(e => e.Name == endpoint);

        using var response = await api.CreateClient().SendAsync(contract.Request(ContractEndpoint.KeyOf(role), 0).ToMessage());

        ((int)response.StatusCode).ShouldBeOneOf(new[] { 200, 202, 404, 409 }, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/openapi/v1.json")]
    public async Task Given_no_or_an_unknown_key_When_health_or_the_document_is_read_Then_200(string path)
    {
        using var anonymous = await api.CreateClient().GetAsync(path);
        using var unknownKey = await api.ClientWithKey("not-a-key").GetAsync(path);

        ((int)anonymous.StatusCode).ShouldBe(200);
        ((int)unknownKey.StatusCode).ShouldBe(200);
    }
}
