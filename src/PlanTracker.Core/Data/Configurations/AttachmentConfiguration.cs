using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanTracker.Core.Progress;

namespace PlanTracker.Core.Data.Configurations;

public class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> attachment)
    {
        attachment.Property(a => a.Period).HasMaxLength(8);
        attachment.Property(a => a.FileName).HasMaxLength(255);
        attachment.Property(a => a.ContentType).HasMaxLength(100);
        attachment.Property(a => a.StoredName).HasMaxLength(255);
        attachment.Property(a => a.UploadedByName).HasMaxLength(200);
        attachment.HasIndex(a => new { a.DeliverableId, a.Period, a.UnitId });
        attachment.HasOne(a => a.Deliverable).WithMany().HasForeignKey(a => a.DeliverableId);
    }
}
