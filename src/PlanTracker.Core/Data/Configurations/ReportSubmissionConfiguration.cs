using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanTracker.Core.PeriodicReports;

namespace PlanTracker.Core.Data.Configurations;

public class ReportSubmissionConfiguration : IEntityTypeConfiguration<ReportSubmission>
{
    public void Configure(EntityTypeBuilder<ReportSubmission> submission)
    {
        submission.ToTable("ReportSubmissions");
        submission.Property(s => s.PeriodKey).HasMaxLength(16);
        submission.Property(s => s.DocumentNumber).HasMaxLength(100);
        submission.Property(s => s.FileName).HasMaxLength(255);
        submission.Property(s => s.ContentType).HasMaxLength(100);
        submission.Property(s => s.StoredName).HasMaxLength(255);
        submission.Property(s => s.RecordedByName).HasMaxLength(200);
        submission.Property(s => s.RemovedByName).HasMaxLength(200);
        submission.HasIndex(s => new { s.PlanId, s.PeriodKey, s.UnitId });
        submission.HasOne(s => s.Plan).WithMany().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Restrict);
        submission.HasOne(s => s.Unit).WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
