using Npgsql;
using OrderManagement.TestKit;

namespace OrderManagement.Payments.Tests;

public static class PaymentsSettled
{
    // No authorization attempt, capture or void is due or in flight and every outbox row is delivered: everything the tests caused
    // has happened, so the database can be reset.
    public static async Task UntilPaymentsSettledAsync(this ModuleTestHost host)
    {
        await Poller.UntilAsync(
            async () =>
            {
                await using var connection = new NpgsqlConnection(host.ConnectionString);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("SELECT (SELECT count(*) FROM payments.payments WHERE attempt_due_at IS NOT NULL OR call_due_at IS NOT NULL) + (SELECT count(*) FROM payments.refunds WHERE due_at IS NOT NULL)", connection);
                return (long)(await command.ExecuteScalarAsync())!;
            },
            due => due == 0,
            "every payment's authorization attempts, captures, voids and refunds to be settled");
        await host.UntilOutboxesDrainedAsync();
    }
}
