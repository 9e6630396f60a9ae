using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanTracker.Core.Progress;

namespace PlanTracker.Core.Data.Configurations;

public class DeadlineExtensionConfiguration : IEntityTypeConfiguration<DeadlineExtension>
{
    public void Configure(EntityTypeBuilder<DeadlineExtension> extension)
    {
        extension.ToTable("DeadlineExtensions");
        extension.Property(e => e.Period).HasMaxLength(8);
        extension.Property(e => e.Reason).HasMaxLength(2000);
        extension.Property(e => e.RequestedByName).HasMaxLength(200);
        extension.Property(e => e.DecidedByName).HasMaxLength(200);
        extension.Property(e => e.DecisionNote).HasMaxLength(2000);
        extension.Property(e => e.Version).IsConcurrencyToken();
        extension.HasIndex(e => new { e.DeliverableId, e.UnitId, e.Period });
        extension.HasIndex(e => e.Status);
        extension.HasOne(e => e.Deliverable).WithMany().HasForeignKey(e => e.DeliverableId);
        extension.HasOne(e => e.Unit).WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
