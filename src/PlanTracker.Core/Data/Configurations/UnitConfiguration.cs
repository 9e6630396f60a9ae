using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanTracker.Core.Units;

namespace PlanTracker.Core.Data.Configurations;

public class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> unit)
    {
        unit.Property(u => u.Code).HasMaxLength(32);
        unit.Property(u => u.Name).HasMaxLength(300);
        unit.Property(u => u.Emails).HasMaxLength(1000);
        unit.HasIndex(u => u.Code).IsUnique();
        unit.Property(u => u.Version).IsConcurrencyToken();
        unit.HasMany(u => u.Aliases).WithOne(a => a.Unit).HasForeignKey(a => a.UnitId);
    }
}
