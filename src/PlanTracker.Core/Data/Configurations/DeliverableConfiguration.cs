using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PlanTracker.Core.Data.Configurations;

public class DeliverableConfiguration : IEntityTypeConfiguration<Deliverable>
{
    public void Configure(EntityTypeBuilder<Deliverable> deliverable)
    {
        deliverable.Property(d => d.DeadlineText).HasMaxLength(300);
        deliverable.Property(d => d.DeadlineNote).HasMaxLength(300);
        deliverable.HasIndex(d => d.DeadlineDue);
        deliverable.HasIndex(d => d.DeadlineKind);
        deliverable.Property(d => d.Version).IsConcurrencyToken();
        deliverable.HasOne<Deliverable>().WithMany().HasForeignKey(d => d.CarriedOverFromId).OnDelete(DeleteBehavior.SetNull);
    }
}
