using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanTracker.Core.Accounts;

namespace PlanTracker.Core.Data.Configurations;

public class SecurityEventConfiguration : IEntityTypeConfiguration<SecurityEvent>
{
    public void Configure(EntityTypeBuilder<SecurityEvent> entry)
    {
        entry.Property(e => e.Kind).HasMaxLength(40);
        entry.Property(e => e.UserId).HasMaxLength(450);
        entry.Property(e => e.Email).HasMaxLength(256);
        entry.Property(e => e.IpAddress).HasMaxLength(64);
        entry.Property(e => e.Path).HasMaxLength(300);
        entry.Property(e => e.Detail).HasMaxLength(500);
        entry.HasIndex(e => e.AtUtc);
        entry.HasIndex(e => new { e.Email, e.AtUtc });
    }
}
