using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderManagement.Ordering.Idempotency;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> record)
    {
        record.ToTable("idempotency_keys");
        record.HasKey(r => new { r.ApiKeyName, r.Key });
        record.Property(r => r.ApiKeyName).HasColumnName("api_key_name");
        record.Property(r => r.Key).HasColumnName("idempotency_key");
        record.Property(r => r.Fingerprint).HasColumnName("fingerprint");
        record.Property(r => r.StatusCode).HasColumnName("status_code");
        record.Property(r => r.Body).HasColumnName("body");
        record.Property(r => r.Location).HasColumnName("location");
        record.Property(r => r.CreatedAt).HasColumnName("created_at");
        record.Property(r => r.ExpiresAt).HasColumnName("expires_at");
        record.HasIndex(r => r.ExpiresAt).HasDatabaseName("ix_idempotency_keys_expires");
    }
}
