using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanTracker.Core.Reminders;

namespace PlanTracker.Core.Data.Configurations;

public class ReminderItemConfiguration : IEntityTypeConfiguration<ReminderItem>
{
    public void Configure(EntityTypeBuilder<ReminderItem> item)
    {
        item.ToTable("ReminderItems");
        item.Property(i => i.ItemKey).HasMaxLength(64);
        // The exactly-once key: a second planning of the same reminder fails instead of mailing it twice.
        item.HasIndex(i => new { i.UnitId, i.Rule, i.ItemKey, i.OccurredOn }).IsUnique();
        item.HasIndex(i => i.OccurredOn);
        item.HasOne(i => i.OutboxMessage).WithMany(m => m.Items).HasForeignKey(i => i.OutboxMessageId);
        item.HasOne<Units.Unit>().WithMany().HasForeignKey(i => i.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
