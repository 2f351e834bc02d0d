using Npgsql;

namespace OrderManagement.Host.Tests.Infrastructure;

// The operators' audit of one order, oldest first, as the audit page reads it.
public static class OperatorAudit
{
    public static async Task<List<(string Action, string Operator, string? Reason)>> AuditAsync(this ApiFactory api, Guid orderId)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT action, operator, reason FROM operations.audit WHERE order_id = $1 ORDER BY id", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = orderId });
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<(string, string, string?)>();
        while (await reader.ReadAsync())
        {
            entries.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return entries;
    }
}
