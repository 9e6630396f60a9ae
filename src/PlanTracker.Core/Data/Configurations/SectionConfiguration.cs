using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PlanTracker.Core.Data.Configurations;

public class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> section)
    {
        section.Property(s => s.Title).HasMaxLength(300);
        section.HasIndex(s => new { s.PlanId, s.Number }).IsUnique();
        section.Property(s => s.Version).IsConcurrencyToken();
        section.HasMany(s => s.Tasks).WithOne(t => t.Section).HasForeignKey(t => t.SectionId);
    }
}
