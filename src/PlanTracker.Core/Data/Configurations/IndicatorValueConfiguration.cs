using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PlanTracker.Core.Data.Configurations;

public class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> value)
    {
        value.Property(v => v.Period).HasMaxLength(8);
        value.Property(v => v.Value).HasPrecision(14, 2);
        value.Property(v => v.SourceNote).HasMaxLength(1000);
        value.Property(v => v.EnteredByName).HasMaxLength(200);
        value.HasIndex(v => new { v.IndicatorId, v.Period }).IsUnique();
        value.HasOne(v => v.Indicator).WithMany(i => i.Values).HasForeignKey(v => v.IndicatorId);
    }
}
