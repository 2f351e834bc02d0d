using Npgsql;

namespace OrderManagement.BuildingBlocks.Operations;

// Console sessions ended by sign-out before their cookie expired, shared by every host through the database, so a copy of
// a signed-out session's cookie is refused everywhere at once (ADR 0023). Each sign-out also removes the rows whose
// cookies can no longer be valid, which keeps the table at the sign-outs of the last cookie lifetime.
public sealed class RevokedSessions
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;

    internal RevokedSessions(NpgsqlDataSource dataSource, TimeProvider time)
    {
        _dataSource = dataSource;
        _time = time;
    }

    // cookieLifetime: the longest a cookie of the session, issued or renewed up to now, stays valid from now.
    public async Task RevokeAsync(Guid sessionId, TimeSpan cookieLifetime, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        await using var command = _dataSource.CreateCommand(
            $"WITH expired AS (DELETE FROM {OperationsSchema.Name}.revoked_sessions WHERE expires_at < $2) " +
            $"INSERT INTO {OperationsSchema.Name}.revoked_sessions (session_id, revoked_at, expires_at) VALUES ($1, $2, $3) " +
            "ON CONFLICT (session_id) DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter { Value = sessionId });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = now + cookieLifetime });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> IsRevokedAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            $"SELECT EXISTS (SELECT 1 FROM {OperationsSchema.Name}.revoked_sessions WHERE session_id = $1)");
        command.Parameters.Add(new NpgsqlParameter { Value = sessionId });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
