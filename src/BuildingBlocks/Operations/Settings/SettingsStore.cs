using Microsoft.Extensions.Configuration;
using Npgsql;
using NpgsqlTypes;
using OrderManagement.BuildingBlocks.Application;

namespace OrderManagement.BuildingBlocks.Operations.Settings;

// Reads and changes the run-time settings: validated against their EditableSetting, stored with who and when, each
// change kept with the old and new value and the reason, and written to the operators' audit.
public sealed class SettingsStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly IReadOnlyList<EditableSetting> _editable;
    private readonly IConfiguration _configuration;
    private readonly OperatorAuditLog _audit;
    private readonly TimeProvider _time;

    internal SettingsStore(NpgsqlDataSource dataSource, IEnumerable<EditableSetting> editable, IConfiguration configuration, OperatorAuditLog audit, TimeProvider time)
    {
        _dataSource = dataSource;
        _editable = [.. editable.OrderBy(s => s.Key, StringComparer.Ordinal)];
        _configuration = configuration;
        _audit = audit;
        _time = time;
    }

    public IReadOnlyList<EditableSetting> Editable => _editable;

    // Value is what this host uses now; ChangedBy/ChangedAt are set when an operator changed it (null: deployment value).
    public async Task<IReadOnlyList<SettingValue>> CurrentAsync(CancellationToken cancellationToken)
    {
        var stored = new Dictionary<string, (string Value, DateTimeOffset At, string By)>(StringComparer.OrdinalIgnoreCase);
        await using (var command = _dataSource.CreateCommand($"SELECT key, value, changed_at, changed_by FROM {OperationsSchema.Name}.settings"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                stored[reader.GetString(0)] = (reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3));
            }
        }

        return [.. _editable.Select(s => stored.TryGetValue(s.Key, out var change)
            ? new SettingValue(s.Key, _configuration[s.Key] ?? change.Value, change.Value, s.Description, s.Default, s.MinText, s.MaxText, change.By, change.At,
                s.Kind, s.MaxItems, s.Allowed)
            : new SettingValue(s.Key, _configuration[s.Key] ?? s.Default, null, s.Description, s.Default, s.MinText, s.MaxText, null, null,
                s.Kind, s.MaxItems, s.Allowed))];
    }

    public async Task<IReadOnlyList<SettingChange>> ChangesAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            $"SELECT key, old_value, new_value, changed_by, changed_at, reason FROM {OperationsSchema.Name}.setting_changes ORDER BY id DESC LIMIT $1");
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var changes = new List<SettingChange>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            changes.Add(new SettingChange(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2),
                reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4), reader.GetString(5)));
        }

        return changes;
    }

    // All or nothing: any unknown key or invalid value throws RequestValidationException (errors keyed by setting) and
    // nothing is stored. Values equal to the current ones are not recorded as changes. Returns the changes made.
    public async Task<IReadOnlyList<SettingChange>> ChangeAsync(IReadOnlyDictionary<string, string> values, string @operator, string? reason,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500)
        {
            errors["reason"] = ["A reason (1 to 500 characters) is required: say why the setting changes."];
        }

        if (values.Count == 0)
        {
            errors["settings"] = ["Name at least one setting to change."];
        }

        foreach (var (key, value) in values)
        {
            var setting = _editable.FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase));
            if ((setting is null ? $"{key} is not a setting that can be changed here." : setting.Validate(value ?? "")) is { } error)
            {
                errors[$"settings.{key}"] = [error];
            }
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var now = _time.GetUtcNow();
        var current = (await CurrentAsync(cancellationToken)).ToDictionary(v => v.Key, StringComparer.OrdinalIgnoreCase);
        var changes = new List<SettingChange>();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (key, value) in values)
        {
            var setting = _editable.First(s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase));
            var normalized = setting.Normalize(value);
            var old = current[setting.Key].Value is { Length: > 0 } effective ? effective : null;
            if (Same(setting, old, normalized))
            {
                continue;
            }

            await using var batch = new NpgsqlBatch(connection, transaction);
            batch.BatchCommands.Add(Command(
                $"INSERT INTO {OperationsSchema.Name}.settings (key, value, changed_at, changed_by) VALUES ($1, $2, $3, $4) " +
                "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, changed_at = EXCLUDED.changed_at, changed_by = EXCLUDED.changed_by",
                setting.Key, normalized, now, @operator));
            batch.BatchCommands.Add(Command(
                $"INSERT INTO {OperationsSchema.Name}.setting_changes (key, old_value, new_value, changed_by, changed_at, reason) VALUES ($1, $2, $3, $4, $5, $6)",
                setting.Key, old, normalized, @operator, now, reason!));
            await batch.ExecuteNonQueryAsync(cancellationToken);
            changes.Add(new SettingChange(setting.Key, old, normalized, @operator, now, reason!));
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var change in changes)
        {
            await _audit.RecordAsync(@operator, "ChangeSetting", null, reason, $"{change.Key}: {change.OldValue ?? "(unset)"} → {change.NewValue}", cancellationToken);
        }

        if (_configuration is IConfigurationRoot root)
        {
            foreach (var provider in root.Providers.OfType<DatabaseSettingsProvider>())
            {
                provider.Poll();
            }
        }

        return changes;
    }

    private static bool Same(EditableSetting setting, string? old, string normalized) =>
        old is not null && setting.Validate(old) is null && setting.Normalize(old) == normalized;

    private static NpgsqlBatchCommand Command(string sql, params object?[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter is null
                ? new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text }
                : new NpgsqlParameter { Value = parameter });
        }

        return command;
    }
}

// Value: in effect on this host. Override: what operators stored (null: the deployment's value applies).
// Default, Min and Max are written as a value is (a whole number, or a duration as [d.]hh:mm:ss); a value outside
// Min..Max is refused with 400. Min and Max exist only for whole numbers and durations (null for a flag or a list);
// a list has MaxItems instead. Allowed says what it takes in words.
public sealed record SettingValue(
    string Key, string Value, string? Override, string Description, string Default, string? Min, string? Max, string? ChangedBy, DateTimeOffset? ChangedAt,
    SettingKind Kind, int? MaxItems = null, string Allowed = "");

public sealed record SettingChange(string Key, string? OldValue, string NewValue, string ChangedBy, DateTimeOffset ChangedAt, string Reason);
