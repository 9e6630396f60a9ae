using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PlanTracker.Core.Data.Configurations;

public class TaskAssignmentConfiguration : IEntityTypeConfiguration<TaskAssignment>
{
    public void Configure(EntityTypeBuilder<TaskAssignment> assignment)
    {
        assignment.Property(a => a.PrintedName).HasMaxLength(300);
        assignment.HasOne(a => a.Unit).WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        assignment.HasOne(a => a.UnitGroup).WithMany().HasForeignKey(a => a.UnitGroupId).OnDelete(DeleteBehavior.Restrict);
        assignment.HasIndex(a => new { a.UnitId, a.Role });
        assignment.HasIndex(a => new { a.UnitGroupId, a.Role });
    }
}
