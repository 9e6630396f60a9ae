using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanTracker.Core.Reminders;

namespace PlanTracker.Core.Data.Configurations;

public class ReminderRunConfiguration : IEntityTypeConfiguration<ReminderRun>
{
    public void Configure(EntityTypeBuilder<ReminderRun> run)
    {
        run.ToTable("ReminderRuns");
        run.Property(r => r.Trigger).HasMaxLength(32);
        run.Property(r => r.StartedBy).HasMaxLength(200);
        run.HasIndex(r => r.RunDate);
    }
}
