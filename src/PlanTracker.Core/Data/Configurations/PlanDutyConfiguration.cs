using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PlanTracker.Core.Data.Configurations;

public class PlanDutyConfiguration : IEntityTypeConfiguration<PlanDuty>
{
    public void Configure(EntityTypeBuilder<PlanDuty> duty)
    {
        duty.Property(d => d.Code).HasMaxLength(32);
        duty.Property(d => d.DeadlineText).HasMaxLength(300);
        duty.Property(d => d.Periods).HasMaxLength(32);
        duty.HasIndex(d => new { d.PlanId, d.Code }).IsUnique();
        duty.Property(d => d.Version).IsConcurrencyToken();
    }
}
