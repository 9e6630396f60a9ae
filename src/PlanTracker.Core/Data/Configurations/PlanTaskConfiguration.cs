using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PlanTracker.Core.Data.Configurations;

public class PlanTaskConfiguration : IEntityTypeConfiguration<PlanTask>
{
    public void Configure(EntityTypeBuilder<PlanTask> task)
    {
        task.ToTable("Tasks");
        task.Property(t => t.Code).HasMaxLength(32);
        task.Property(t => t.SourceRef).HasMaxLength(64);
        task.HasIndex(t => new { t.SectionId, t.Code }).IsUnique();
        task.Property(t => t.Version).IsConcurrencyToken();
        task.HasOne(t => t.ParentTask).WithMany(t => t.Subtasks).HasForeignKey(t => t.ParentTaskId)
            .OnDelete(DeleteBehavior.Restrict);
        task.HasMany(t => t.Deliverables).WithOne(d => d.Task).HasForeignKey(d => d.TaskId);
        task.HasMany(t => t.Assignments).WithOne(a => a.Task).HasForeignKey(a => a.TaskId);
        task.HasMany(t => t.Citations).WithOne(c => c.Task).HasForeignKey(c => c.TaskId);
    }
}
