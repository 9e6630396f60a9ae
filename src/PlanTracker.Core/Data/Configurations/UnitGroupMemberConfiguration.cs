using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanTracker.Core.Units;

namespace PlanTracker.Core.Data.Configurations;

public class UnitGroupMemberConfiguration : IEntityTypeConfiguration<UnitGroupMember>
{
    public void Configure(EntityTypeBuilder<UnitGroupMember> member)
    {
        member.HasKey(m => new { m.UnitGroupId, m.UnitId });
        member.HasOne(m => m.UnitGroup).WithMany(g => g.Members).HasForeignKey(m => m.UnitGroupId);
        member.HasOne(m => m.Unit).WithMany(u => u.Memberships).HasForeignKey(m => m.UnitId);
    }
}
