using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanTracker.Core.Progress;

namespace PlanTracker.Core.Data.Configurations;

public class DeliverableProgressConfiguration : IEntityTypeConfiguration<DeliverableProgress>
{
    public void Configure(EntityTypeBuilder<DeliverableProgress> progress)
    {
        progress.ToTable("DeliverableProgress");
        progress.Property(p => p.Period).HasMaxLength(8);
        progress.Property(p => p.EvidenceNumber).HasMaxLength(100);
        progress.Property(p => p.ResultText).HasMaxLength(4000);
        progress.Property(p => p.UpdatedByName).HasMaxLength(200);
        progress.Property(p => p.ReturnReason).HasMaxLength(2000);
        progress.Property(p => p.VerifiedByName).HasMaxLength(200);
        progress.Property(p => p.Version).IsConcurrencyToken();
        progress.HasIndex(p => new { p.DeliverableId, p.Period, p.UnitId }).IsUnique();
        progress.HasIndex(p => p.UnitId);
        progress.HasIndex(p => p.CountVersion);
        // Every admin page counts the claims awaiting verification for its menu: without it, a scan of every record.
        progress.HasIndex(p => p.Status);
        progress.HasOne(p => p.Deliverable).WithMany().HasForeignKey(p => p.DeliverableId);
        progress.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
