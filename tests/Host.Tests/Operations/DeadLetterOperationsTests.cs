using System.Net;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Operations;

[Collection(ApiCollection.Name)]
public sealed class DeadLetterOperationsTests(ApiFactory api) : IAsyncLifetime
{
    private readonly HttpClient _operator = api.Operator();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_no_failed_deliveries_When_dead_letters_are_listed_Then_an_empty_page_with_both_fields()
    {
        var page = await _operator.GetJsonAsync("/api/v1/ops/dead-letters?limit=10");

        page.ContainsKey("items").ShouldBeTrue();
        page["items"]!.AsArray().ShouldBeEmpty();
        page.ContainsKey("nextCursor").ShouldBeTrue();
        page.Text("nextCursor").ShouldBeNull();
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    [InlineData("cursor=not-a-cursor-we-issued")]
    public async Task Given_a_bad_query_When_dead_letters_are_listed_Then_400(string query)
    {
        var response = await _operator.GetAsync($"/api/v1/ops/dead-letters?{query}");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Given_an_unknown_id_When_a_dead_letter_is_replayed_Then_404()
    {
        var response = await _operator.ReplayDeadLetterAsync(Guid.NewGuid().ToString(), "on-call check");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
