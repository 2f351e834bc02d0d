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
        saga.Property(s => s.StockHeld).HasColumnName("stock_held");
        saga.Property(s => s.PaymentHeld).HasColumnName("payment_held");
        saga.Property(s => s.ShipmentHeld).HasColumnName("shipment_held");
        saga.Property(s => s.Outcome).HasColumnName("outcome").HasConversion<string>();
        saga.Property(s => s.DeadlineDeliveryId).HasColumnName("deadline_delivery_id");
        saga.Property(s => s.Version).HasColumnName("version").IsConcurrencyToken();
        saga.HasIndex(s => new { s.Status, s.UpdatedAt, s.OrderId }).HasDatabaseName("ix_sagas_status");
    }
}
