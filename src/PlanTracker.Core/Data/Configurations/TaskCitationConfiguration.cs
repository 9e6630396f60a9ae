using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PlanTracker.Core.Data.Configurations;

public class TaskCitationConfiguration : IEntityTypeConfiguration<TaskCitation>
{
    public void Configure(EntityTypeBuilder<TaskCitation> citation)
    {
        citation.HasIndex(c => new { c.TaskId, c.CitedTaskId }).IsUnique();
        // A cited task is retired, never deleted, while something cites it.
        citation.HasOne(c => c.CitedTask).WithMany().HasForeignKey(c => c.CitedTaskId).OnDelete(DeleteBehavior.Restrict);
    }
}
