using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PlanTracker.Core.Data.Configurations;

public class CountStampConfiguration : IEntityTypeConfiguration<CountStamp>
{
    public void Configure(EntityTypeBuilder<CountStamp> stamp)
    {
        stamp.Property(s => s.Id).ValueGeneratedNever();
        stamp.HasData(new CountStamp { Id = CountStamp.Row });
    }
}
