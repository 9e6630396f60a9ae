using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanTracker.Core.Units;

namespace PlanTracker.Core.Data.Configurations;

public class UnitAliasConfiguration : IEntityTypeConfiguration<UnitAlias>
{
    public void Configure(EntityTypeBuilder<UnitAlias> alias)
    {
        alias.Property(a => a.Alias).HasMaxLength(300);
        alias.Property(a => a.NameKey).HasMaxLength(300);
        alias.HasIndex(a => a.NameKey).IsUnique();
        alias.ToTable(t => t.HasCheckConstraint("CK_UnitAliases_OneOwner",
            "(\"UnitId\" IS NULL) <> (\"UnitGroupId\" IS NULL)"));
    }
}
