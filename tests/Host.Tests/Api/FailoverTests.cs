using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using OrderManagement.Host.Tests.Api.Support;
using OrderManagement.Host.Tests.Infrastructure;
using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Api;

// What a failover does to a running host, reproduced on the test server: the connections it holds are ended by the
// server (admin shutdown, 57P01, as a demotion does), and the node it reaches turns read-only (a demoted primary or a
// standby: 25006). The host must answer 503 with Retry-After meanwhile, never 500, and recover without a restart.
[Collection(ApiCollection.Name)]
public sealed class FailoverTests(ApiFactory api) : IAsyncLifetime
{
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(15);
    private readonly HttpClient _storefront = api.Storefront();
    private readonly HttpClient _anonymous = api.ClientWithKey(null);

    public Task InitializeAsync() => api.ResetAsync();

    // The next tests must find a writable database and a host that writes again: end the read-only sessions and wait
    // until an order is accepted.
    public async Task DisposeAsync()
    {
        await SetReadOnlyAsync(false);
        await TerminateHostConnectionsAsync();
        (await PlaceUntilAcceptedAsync())[^1].Status.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Given_the_server_ended_the_hosts_connections_When_orders_are_placed_Then_none_gets_500_and_orders_are_accepted_again()
    {
        (await PlaceAsync()).Status.ShouldBe(HttpStatusCode.Accepted);

        await TerminateHostConnectionsAsync();

        var answers = await PlaceUntilAcceptedAsync();
        answers.ShouldNotContain(a => a.Status == HttpStatusCode.InternalServerError, Describe(answers));
        answers.Where(a => a.Status != HttpStatusCode.Accepted).ShouldAllBe(a => a.IsDatabaseUnavailable, Describe(answers));
        answers[^1].Status.ShouldBe(HttpStatusCode.Accepted, Describe(answers));
    }

    [Fact]
    public async Task Given_the_node_turned_read_only_When_orders_are_placed_Then_503_with_Retry_After_and_readiness_says_read_only()
    {
        await SetReadOnlyAsync(true);
        await TerminateHostConnectionsAsync();

        var answers = new List<Answer>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await PlaceAsync());
        }

        answers.ShouldAllBe(a => a.IsDatabaseUnavailable, Describe(answers));
        var ready = await ReadinessAsync();
        ready.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        ready.Reason.ShouldContain("read-only");
    }

    [Fact]
    public async Task Given_the_node_was_read_only_When_it_is_writable_again_Then_orders_are_accepted_without_a_restart()
    {
        await SetReadOnlyAsync(true);
        await TerminateHostConnectionsAsync();
        for (var i = 0; i < 3; i++)
        {
            (await PlaceAsync()).IsDatabaseUnavailable.ShouldBeTrue();
        }

        // The pooled connections opened meanwhile are read-only sessions; only dropping them lets the host write again.
        await SetReadOnlyAsync(false);

        var answers = await PlaceUntilAcceptedAsync();
        answers.ShouldNotContain(a => a.Status == HttpStatusCode.InternalServerError, Describe(answers));
        answers[^1].Status.ShouldBe(HttpStatusCode.Accepted, Describe(answers));
        await Poller.UntilAsync(async () => (await ReadinessAsync()).Status == HttpStatusCode.OK, "readiness to be 200 again");
    }

    private async Task<List<Answer>> PlaceUntilAcceptedAsync()
    {
        var answers = new List<Answer>();
        var deadline = DateTime.UtcNow + Recovery;
        while (DateTime.UtcNow < deadline)
        {
            var answer = await PlaceAsync();
            answers.Add(answer);
            if (answer.Status is HttpStatusCode.Accepted or HttpStatusCode.InternalServerError)
            {
                break;
            }

            await Task.Delay(100);
        }

        return answers;
    }

    private async Task<Answer> PlaceAsync()
    {
        using var response = await _storefront.PostAsJsonAsync("/api/v1/orders", OrderRequests.PlaceOrderBody());
        var body = await response.Content.ReadAsStringAsync();
        var unavailable = response.StatusCode == HttpStatusCode.ServiceUnavailable
            && await Problems.CheckAsync(response, 503, null) is null
            && body.Contains("/database-unavailable", StringComparison.Ordinal)
            && response.Headers.RetryAfter?.Delta > TimeSpan.Zero;
        return new Answer(response.StatusCode, unavailable, body);
    }

    private async Task<(HttpStatusCode Status, string Reason)> ReadinessAsync()
    {
        using var response = await _anonymous.GetAsync("/health/ready");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (response.StatusCode, body["reason"]?.GetValue<string>() ?? "");
    }

    private string Unpooled => new NpgsqlConnectionStringBuilder(api.ConnectionString) { Pooling = false }.ConnectionString;

    private async Task SetReadOnlyAsync(bool readOnly)
    {
        await using var connection = new NpgsqlConnection(Unpooled);
        await connection.OpenAsync();
        var database = connection.Database;
        // A session opened while the database is read-only must make itself writable first, in its own statement.
        await using (var writable = new NpgsqlCommand("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE", connection))
        {
            await writable.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(readOnly
            ? $"ALTER DATABASE \"{database}\" SET default_transaction_read_only = on"
            : $"ALTER DATABASE \"{database}\" RESET default_transaction_read_only", connection);
        await command.ExecuteNonQueryAsync();
    }

    // Ends every other session on the test database, as PostgreSQL does to its clients when the node shuts down.
    private async Task TerminateHostConnectionsAsync()
    {
        await using var connection = new NpgsqlConnection(Unpooled);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", connection);
        await command.ExecuteScalarAsync();

        // The tests' own pooled connections (database reset, row counts) were ended too.
        NpgsqlConnection.ClearAllPools();
    }

    private static string Describe(List<Answer> answers) =>
        string.Join("; ", answers.Select(a => $"{(int)a.Status}{(a.IsDatabaseUnavailable ? " database-unavailable" : "")}: {(a.Body.Length > 160 ? a.Body[..160] : a.Body)}"));

    private sealed record Answer(HttpStatusCode Status, bool IsDatabaseUnavailable, string Body);
}
