using OrderManagement.Host.Tests.Api.Fuzz;
using OrderManagement.Host.Tests.Api.Support;
using OrderManagement.Host.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrderManagement.Host.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class BadRequestFuzzTests(ApiFactory api, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Seed = 20_251_122;
    private const string ExistingSku = "FUZZ-STOCK-1";

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        await api.Operator().SetStockAsync(ExistingSku, 50);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_over_a_thousand_generated_bad_and_boundary_requests_When_each_is_sent_Then_each_gets_its_4xx_problem_and_nothing_is_written()
    {
        var values = new RandomValues(Seed);
        var placeOrders = new PlaceOrderFuzzer(values, ApiFactory.StorefrontKey);
        var others = new OtherEndpointsFuzzer(values, ApiFactory.StorefrontKey, ApiFactory.OperatorKey, ExistingSku);
        var requests = BadRequestTable.Cases(ApiFactory.StorefrontKey, ApiFactory.OperatorKey, ExistingSku)
            .Concat(Enumerable.Range(0, 700).Select(_ => placeOrders.Next()))
            .Concat(Enumerable.Range(0, 320).Select(_ => others.Next()))
            .ToList();
        var client = api.CreateClient();
        await using var rows = await DatabaseRows.OpenAsync(api.ConnectionString);
        var baseline = await rows.WaitUntilQuietAsync(TimeSpan.FromSeconds(1));
        var failures = new List<string>();

        foreach (var request in requests)
        {
            using var response = await client.SendAsync(request.ToMessage());
            if (await Problems.CheckAsync(response, request.ExpectedStatus, request.ErrorKey) is { } problem)
            {
                failures.Add($"{request}: {problem}");
            }

            var after = await rows.SnapshotAsync();
            if (DatabaseRows.Difference(baseline, after) is { Length: > 0 } written)
            {
                failures.Add($"{request}: wrote rows ({written})");
                baseline = after;
            }
        }

        output.WriteLine($"{requests.Count} requests, {failures.Count} failures; by expected status: "
            + string.Join(", ", requests.GroupBy(r => r.ExpectedStatus).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
        requests.Count.ShouldBeGreaterThanOrEqualTo(1000);
        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures.Take(40)));
    }
}
