using Npgsql;

namespace OrderManagement.Host.Tests.Infrastructure;

// A dead letter written straight into a sending module's outbox, as the dispatcher leaves one after its last attempt,
// for the console and API tests that need letters of a chosen sender, consumer, type, order and error.
public static class DeadLetterSeeds
{
    /// <param name="senderSchema">The sending module's schema: ordering, inventory, payments or shipping.</param>
    /// <param name="orderId">The order the letter is about, or null for a payload without one.</param>
    /// <param name="lastError">"Kind: words", as the dispatcher writes it; the kind is what letters are grouped by.</param>
    /// <returns>The letter's id.</returns>
    public static async Task<Guid> PlantAsync(
        string connectionString, string senderSchema, string consumer, string type, Guid? orderId, string lastError)
    {
        var id = Guid.NewGuid();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"INSERT INTO {senderSchema}.outbox_messages " +
            "(id, message_id, consumer, type, payload, occurred_at, available_at, attempts, dead_lettered_at, last_error) " +
            "VALUES (@id, gen_random_uuid(), @consumer, @type, @payload::jsonb, now(), now(), 5, now(), @lastError)",
            connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("consumer", consumer);
        command.Parameters.AddWithValue("type", type);
        command.Parameters.AddWithValue("payload", orderId is { } order ? $$"""{"orderId":"{{order}}"}""" : "{}");
        command.Parameters.AddWithValue("lastError", lastError);
        await command.ExecuteNonQueryAsync();
        return id;
    }
}
