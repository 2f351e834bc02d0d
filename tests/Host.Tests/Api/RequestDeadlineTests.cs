using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderManagement.Host.Tests.Infrastructure;
using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Api;

// Issue 17, fault 5: a table lock or a pool with every connection taken must not hang a request until the 30 s command
// timeout, and readiness must say what is wrong instead of "database unreachable".
public sealed class RequestDeadlineTests(DeadlineApiFactory api) : IClassFixture<DeadlineApiFactory>
{
    private const string Sku = "DEADLINE-1";

    [Fact]
    public async Task Given_a_table_locked_by_another_session_When_a_plain_read_waits_on_it_Then_it_is_answered_503_by_the_deadline()
    {
        using var operatorClient = api.Operator();
        // Set-up and check may themselves meet the short deadline on a busy machine: they are retried.
        await Poller.UntilAsync(async () => (await operatorClient.PutAsJsonAsync($"/api/v1/inventory/{Sku}", new { onHand = 10 })).IsSuccessStatusCode,
            "the stock to be set");
        await using var locker = new NpgsqlConnection(api.ConnectionString);
        await locker.OpenAsync();
        await using var hold = await locker.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE inventory.stock_items IN ACCESS EXCLUSIVE MODE", locker, hold))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        using var response = await operatorClient.GetAsync($"/api/v1/inventory/{Sku}");
        clock.Stop();
        await hold.RollbackAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.ShouldNotBeNull();
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        problem.Text("type")!.ShouldEndWith("/request-timeout");
        problem.Text("detail")!.ShouldContain("Api:RequestTimeout");
        clock.Elapsed.ShouldBeLessThan(DeadlineApiFactory.RequestTimeout + TimeSpan.FromSeconds(3));
        await Poller.UntilAsync(async () => (await operatorClient.GetAsync($"/api/v1/inventory/{Sku}")).IsSuccessStatusCode, "the lock to be gone");
        (await operatorClient.GetJsonAsync($"/api/v1/inventory/{Sku}"))["onHand"]!.GetValue<int>().ShouldBe(10);
    }

    [Fact]
    public async Task Given_every_pooled_connection_taken_When_readiness_and_a_read_are_asked_Then_both_answer_in_time_and_say_the_pool_is_the_problem()
    {
        using var operatorClient = api.Operator();
        var dataSource = api.Services.GetRequiredService<NpgsqlDataSource>();
        var taken = new List<NpgsqlConnection>();
        try
        {
            var max = new NpgsqlConnectionStringBuilder(api.ConnectionString).MaxPoolSize;
            while (taken.Count < max)
            {
                using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    taken.Add(await dataSource.OpenConnectionAsync(quick.Token));
                }
                catch (OperationCanceledException)
                {
                    break; // the host's own loops hold the rest
                }
            }

            var clock = Stopwatch.StartNew();
            using var read = await operatorClient.GetAsync($"/api/v1/inventory/{Sku}");
            using var ready = await operatorClient.GetAsync("/health/ready");
            clock.Stop();

            read.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            var reason = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!.Text("reason")!;
            reason.ShouldContain("every pooled connection is in use");
            reason.ShouldNotContain("unreachable");
            clock.Elapsed.ShouldBeLessThan(DeadlineApiFactory.RequestTimeout + TimeSpan.FromSeconds(3) + TimeSpan.FromSeconds(5));
        }
        finally
        {
            foreach (var connection in taken)
            {
                await connection.DisposeAsync();
            }
        }
    }
}
