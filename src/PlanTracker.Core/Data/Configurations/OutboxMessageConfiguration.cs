using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanTracker.Core.Reminders;

namespace PlanTracker.Core.Data.Configurations;

public class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.ToTable("OutboxMessages");
        message.Property(m => m.MessageId).HasMaxLength(200);
        message.Property(m => m.Recipients).HasMaxLength(4000);
        message.Property(m => m.Subject).HasMaxLength(500);
        message.Property(m => m.ClaimToken).HasMaxLength(64);
        message.Property(m => m.LastError).HasMaxLength(2000);
        message.Ignore(m => m.RecipientList);
        message.HasIndex(m => m.MessageId).IsUnique();
        message.HasIndex(m => new { m.State, m.NextAttemptAtUtc });
        message.HasIndex(m => m.ClaimToken);
        message.HasOne<ReminderRun>().WithMany().HasForeignKey(m => m.ReminderRunId).OnDelete(DeleteBehavior.Restrict);
        message.HasOne<Units.Unit>().WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
