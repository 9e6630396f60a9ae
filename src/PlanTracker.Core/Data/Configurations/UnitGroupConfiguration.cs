using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanTracker.Core.Units;

namespace PlanTracker.Core.Data.Configurations;

public class UnitGroupConfiguration : IEntityTypeConfiguration<UnitGroup>
{
    public void Configure(EntityTypeBuilder<UnitGroup> group)
    {
        group.Property(g => g.Code).HasMaxLength(32);
        group.Property(g => g.Name).HasMaxLength(300);
        group.HasIndex(g => g.Code).IsUnique();
        group.Property(g => g.Version).IsConcurrencyToken();
        group.HasMany(g => g.Aliases).WithOne(a => a.UnitGroup).HasForeignKey(a => a.UnitGroupId);
    }
}
