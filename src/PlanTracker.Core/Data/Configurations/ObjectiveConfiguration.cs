using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PlanTracker.Core.Data.Configurations;

public class ObjectiveConfiguration : IEntityTypeConfiguration<Objective>
{
    public void Configure(EntityTypeBuilder<Objective> objective)
    {
        objective.Property(o => o.Code).HasMaxLength(16);
        objective.HasIndex(o => new { o.PlanId, o.Code }).IsUnique();
        objective.Property(o => o.Version).IsConcurrencyToken();
        objective.HasMany(o => o.Indicators).WithOne(i => i.Objective).HasForeignKey(i => i.ObjectiveId);
    }
}
