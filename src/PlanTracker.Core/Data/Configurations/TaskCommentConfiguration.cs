using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanTracker.Core.Progress;

namespace PlanTracker.Core.Data.Configurations;

public class TaskCommentConfiguration : IEntityTypeConfiguration<TaskComment>
{
    public void Configure(EntityTypeBuilder<TaskComment> comment)
    {
        comment.ToTable("TaskComments");
        comment.Property(c => c.Text).HasMaxLength(4000);
        comment.Property(c => c.AuthorName).HasMaxLength(200);
        comment.HasIndex(c => c.TaskId);
        comment.HasOne(c => c.Task).WithMany().HasForeignKey(c => c.TaskId);
        comment.HasOne(c => c.Unit).WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
