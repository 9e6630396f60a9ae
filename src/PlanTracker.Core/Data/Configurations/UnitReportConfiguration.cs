using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanTracker.Core.PeriodicReports;

namespace PlanTracker.Core.Data.Configurations;

public class UnitReportConfiguration : IEntityTypeConfiguration<UnitReport>
{
    public void Configure(EntityTypeBuilder<UnitReport> report)
    {
        report.ToTable("UnitReports");
        report.Property(r => r.PeriodKey).HasMaxLength(16);
        foreach (var text in new[] { nameof(UnitReport.Highlights), nameof(UnitReport.Shortcomings), nameof(UnitReport.Difficulties), nameof(UnitReport.NextSteps), nameof(UnitReport.Proposals) })
            report.Property<string?>(text).HasMaxLength(8000);
        report.Property(r => r.UpdatedByName).HasMaxLength(200);
        report.Property(r => r.Version).IsConcurrencyToken();
        report.HasIndex(r => new { r.PlanId, r.UnitId, r.PeriodKey }).IsUnique();
        report.HasOne(r => r.Plan).WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Restrict);
        report.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        report.HasOne(r => r.Submission).WithMany().HasForeignKey(r => r.SubmissionId).OnDelete(DeleteBehavior.Restrict);
    }
}
