namespace OrderManagement.BuildingBlocks.Migrations;

// Lets the readiness check and the dispatchers wait until every schema is migrated.
public sealed class MigrationState
{
    private readonly TaskCompletionSource _migrated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsMigrated => _migrated.Task.IsCompletedSuccessfully;

    internal void MarkMigrated() => _migrated.TrySetResult();

    public Task WaitUntilMigratedAsync(CancellationToken cancellationToken) => _migrated.Task.WaitAsync(cancellationToken);
}
