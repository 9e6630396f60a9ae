using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PlanTracker.Core.Data.Configurations;

public class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> plan)
    {
        plan.Property(p => p.Number).HasMaxLength(64);
        plan.Property(p => p.Title).HasMaxLength(500);
        plan.Property(p => p.Issuer).HasMaxLength(200);
        plan.Property(p => p.SignedBy).HasMaxLength(200);
        plan.Property(p => p.SignerTitle).HasMaxLength(100);
        plan.Property(p => p.SourceHash).HasMaxLength(64);
        plan.HasIndex(p => new { p.Number, p.Year }).IsUnique();
        plan.Property(p => p.Version).IsConcurrencyToken();
        plan.HasMany(p => p.Objectives).WithOne(o => o.Plan).HasForeignKey(o => o.PlanId);
        plan.HasMany(p => p.Sections).WithOne(s => s.Plan).HasForeignKey(s => s.PlanId);
        plan.HasMany(p => p.Duties).WithOne(d => d.Plan).HasForeignKey(d => d.PlanId);
        plan.Property(p => p.Status).HasDefaultValue(PlanStatus.Active).HasSentinel((PlanStatus)(-1));
        plan.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        plan.HasOne(p => p.ParentPlan).WithMany().HasForeignKey(p => p.ParentPlanId).OnDelete(DeleteBehavior.Restrict);
        plan.HasOne<Plan>().WithMany().HasForeignKey(p => p.CopiedFromPlanId).OnDelete(DeleteBehavior.SetNull);
        plan.HasIndex(p => new { p.Status, p.Kind });
    }
}
