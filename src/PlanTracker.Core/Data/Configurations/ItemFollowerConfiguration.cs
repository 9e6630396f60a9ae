using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanTracker.Core.Progress;

namespace PlanTracker.Core.Data.Configurations;

public class ItemFollowerConfiguration : IEntityTypeConfiguration<ItemFollower>
{
    public void Configure(EntityTypeBuilder<ItemFollower> follower)
    {
        follower.ToTable("ItemFollowers");
        follower.HasIndex(f => new { f.DeliverableId, f.UnitId, f.UserId }).IsUnique();
        follower.HasIndex(f => f.UserId);
        follower.HasOne(f => f.Deliverable).WithMany().HasForeignKey(f => f.DeliverableId);
        follower.HasOne(f => f.Unit).WithMany().HasForeignKey(f => f.UnitId).OnDelete(DeleteBehavior.Restrict);
        follower.HasOne(f => f.User).WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
