using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderManagement.Ordering.Fulfilment;

namespace OrderManagement.Ordering.Persistence;

internal sealed class FulfilmentSagaConfiguration : IEntityTypeConfiguration<FulfilmentSaga>
{
    public void Configure(EntityTypeBuilder<FulfilmentSaga> saga)
    {
        saga.ToTable("fulfilment_sagas");
        saga.HasKey(s => s.OrderId);
        saga.Property(s => s.OrderId).HasColumnName("order_id");
        saga.Property(s => s.DefinitionVersion).HasColumnName("definition_version");
        saga.Property(s => s.State).HasColumnName("state").HasConversion<string>();
        saga.Property(s => s.Status).HasColumnName("status").HasConversion<string>();
        saga.Property(s => s.CurrentStep).HasColumnName("current_step").HasConversion<string>();
        saga.Property(s => s.Attempts).HasColumnName("attempts");
        saga.Property(s => s.LastError).HasColumnName("last_error");
        saga.Property(s => s.StartedAt).HasColumnName("started_at");
        saga.Property(s => s.UpdatedAt).HasColumnName("updated_at");
        saga.Property(s => s.NextAttemptAt).HasColumnName("next_attempt_at");
        saga.Property(s => s.StepStartedAt).HasColumnName("step_started_at");
        saga.Property(s => s.CancelRequested).HasColumnName("cancel_requested");
        saga.Property(s => s.RetryUnderWay).HasColumnName("retry_under_way");
        saga.PrimitiveCollection<List<string>>("_completedSteps").HasColumnName("completed_steps");
        saga.Property(s => s.Outcome).HasColumnName("outcome").HasConversion<string>();
        saga.Property(s => s.DeadlineDeliveryId).HasColumnName("deadline_delivery_id");
        // Optimistic concurrency from PostgreSQL's xmin system column (Npgsql: a uint row version maps to it).
        saga.Property(s => s.RowVersion).IsRowVersion();
        saga.HasIndex(s => new { s.Status, s.UpdatedAt, s.OrderId }).HasDatabaseName("ix_sagas_status");
    }
}
