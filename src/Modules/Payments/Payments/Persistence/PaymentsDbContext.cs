using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.Payments.Payments;
using OrderManagement.Payments.Refunds;

namespace OrderManagement.Payments.Persistence;

internal sealed class PaymentsDbContext(DbContextOptions<PaymentsDbContext> options)
    : ModuleDbContext(options)
{
    public const string SchemaName = "payments";

    public override string Schema => SchemaName;

    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<Refund> Refunds => Set<Refund>();
    public DbSet<PaymentCapture> Captures => Set<PaymentCapture>();
    public DbSet<AuthorizationReduction> AuthorizationReductions => Set<AuthorizationReduction>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Payment>(payment =>
        {
            payment.ToTable("payments");
            payment.HasKey(p => p.Id);
            payment.Property(p => p.Id).HasColumnName("id");
            payment.Property(p => p.OrderId).HasColumnName("order_id");
            payment.HasIndex(p => p.OrderId).IsUnique().HasDatabaseName("ux_payments_order");
            payment.Property(p => p.Amount).HasColumnName("amount").IsMoney();
            payment.Property(p => p.CapturedAmount).HasColumnName("captured_amount").IsMoney();
            payment.Property(p => p.Currency).HasColumnName("currency");
            payment.Property(p => p.Method).HasColumnName("method");
            payment.Property(p => p.Token).HasColumnName("token");
            payment.Property(p => p.Status).HasColumnName("status").HasConversion<string>();
            payment.Property(p => p.Attempts).HasColumnName("attempts");
            payment.Property(p => p.LastError).HasColumnName("last_error");
            payment.Property(p => p.AuthorizationCode).HasColumnName("authorization_code");
            payment.Property(p => p.CreatedAt).HasColumnName("created_at");
            payment.Property(p => p.UpdatedAt).HasColumnName("updated_at");
            payment.Property(p => p.AttemptDueAt).HasColumnName("attempt_due_at");
            payment.Property(p => p.LeaseId).HasColumnName("lease_id");
            payment.Property(p => p.LeaseExpiresAt).HasColumnName("lease_expires_at");
            payment.Property(p => p.Faulted).HasColumnName("faulted");
            payment.Property(p => p.TraceParent).HasColumnName("trace_parent");
            payment.Property(p => p.CorrelationId).HasColumnName("correlation_id");
            payment.Property(p => p.Call).HasColumnName("call").HasConversion<string>();
            payment.Property(p => p.CallDueAt).HasColumnName("call_due_at");
            payment.Property(p => p.CallAttempts).HasColumnName("call_attempts");
            payment.Property(p => p.RefundedAmount).HasColumnName("refunded_amount").IsMoney();
            payment.HasIndex(p => p.CallDueAt).HasFilter("call_due_at IS NOT NULL").HasDatabaseName("ix_payments_call_due");
            payment.HasIndex(p => p.AttemptDueAt).HasFilter("attempt_due_at IS NOT NULL").HasDatabaseName("ix_payments_attempt_due");
            // xmin guards against lost updates: a change made without the row lock fails if the row moved meanwhile.
            payment.Property(p => p.Version).HasColumnName("xmin").HasColumnType("xid").ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
        });
        modelBuilder.ApplyConfiguration(new RefundConfiguration());

        modelBuilder.Entity<AuthorizationReduction>(reduction =>
        {
            reduction.ToTable("authorization_reductions");
            reduction.HasKey(r => r.CancellationId);
            reduction.Property(r => r.CancellationId).HasColumnName("cancellation_id");
            reduction.Property(r => r.PaymentId).HasColumnName("payment_id");
            reduction.HasIndex(r => r.PaymentId).HasDatabaseName("ix_authorization_reductions_payment");
            reduction.Property(r => r.Amount).HasColumnName("amount").IsMoney();
            reduction.Property(r => r.ReducedAt).HasColumnName("reduced_at");
        });

        modelBuilder.Entity<PaymentCapture>(capture =>
        {
            capture.ToTable("captures");
            capture.HasKey(c => c.Id);
            capture.Property(c => c.Id).HasColumnName("id");
            capture.Property(c => c.PaymentId).HasColumnName("payment_id");
            capture.Property(c => c.ShipmentId).HasColumnName("shipment_id");
            capture.HasIndex(c => new { c.PaymentId, c.ShipmentId }).IsUnique().AreNullsDistinct(false).HasDatabaseName("ux_captures_payment_shipment");
            capture.Property(c => c.Amount).HasColumnName("amount").IsMoney();
            capture.Property(c => c.Status).HasColumnName("status").HasConversion<string>();
            capture.Property(c => c.RequestedAt).HasColumnName("requested_at");
            capture.Property(c => c.CapturedAt).HasColumnName("captured_at");
            capture.HasOne<Payment>().WithMany().HasForeignKey(c => c.PaymentId).HasConstraintName("fk_captures_payment")
                .OnDelete(DeleteBehavior.Cascade);
        });
    }
}
