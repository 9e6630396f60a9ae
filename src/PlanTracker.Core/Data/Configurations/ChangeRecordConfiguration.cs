using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanTracker.Core.History;

namespace PlanTracker.Core.Data.Configurations;

public class ChangeRecordConfiguration : IEntityTypeConfiguration<ChangeRecord>
{
    public void Configure(EntityTypeBuilder<ChangeRecord> change)
    {
        change.Property(c => c.EntityType).HasMaxLength(64);
        change.Property(c => c.Action).HasMaxLength(64);
        change.Property(c => c.Summary).HasMaxLength(500);
        change.Property(c => c.UserName).HasMaxLength(200);
        change.HasIndex(c => new { c.TaskId, c.AtUtc });
        change.HasIndex(c => new { c.EntityType, c.EntityId });
        change.Ignore(c => c.Subject);
    }
}
