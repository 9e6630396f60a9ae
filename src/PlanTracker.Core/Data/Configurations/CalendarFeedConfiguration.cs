using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanTracker.Core.Accounts;

namespace PlanTracker.Core.Data.Configurations;

public class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> feed)
    {
        feed.Property(f => f.Secret).HasMaxLength(64);
        feed.HasIndex(f => f.Secret).IsUnique();
        // NULLs are distinct in a unique index on both SQLite and PostgreSQL: one feed per unit, one per user.
        feed.HasIndex(f => f.UnitId).IsUnique();
        feed.HasIndex(f => f.UserId).IsUnique();
        feed.HasOne(f => f.Unit).WithMany().HasForeignKey(f => f.UnitId).OnDelete(DeleteBehavior.Cascade);
        feed.HasOne(f => f.User).WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        feed.ToTable(t => t.HasCheckConstraint("CK_CalendarFeeds_OneOwner",
            "(\"UnitId\" IS NULL AND \"UserId\" IS NOT NULL) OR (\"UnitId\" IS NOT NULL AND \"UserId\" IS NULL)"));
    }
}
