using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PlanTracker.Core.Data.Configurations;

public class IndicatorStepConfiguration : IEntityTypeConfiguration<IndicatorStep>
{
    public void Configure(EntityTypeBuilder<IndicatorStep> step)
    {
        step.Property(s => s.Target).HasPrecision(12, 2);
        step.Property(s => s.Text).HasMaxLength(300);
        step.HasIndex(s => new { s.IndicatorId, s.Year }).IsUnique();
    }
}
