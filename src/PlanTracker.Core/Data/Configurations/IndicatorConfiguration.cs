using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PlanTracker.Core.Data.Configurations;

public class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> indicator)
    {
        indicator.Property(i => i.Target).HasPrecision(12, 2);
        indicator.Property(i => i.Unit).HasMaxLength(32);
        indicator.Property(i => i.Level).HasMaxLength(100);
        indicator.Property(i => i.Version).IsConcurrencyToken();
        indicator.HasMany(i => i.Steps).WithOne(s => s.Indicator).HasForeignKey(s => s.IndicatorId);
        indicator.HasOne(i => i.ResponsibleUnit).WithMany().HasForeignKey(i => i.ResponsibleUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
