using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanTracker.Core.Accounts;

namespace PlanTracker.Core.Data.Configurations;

public class SetupTokenConfiguration : IEntityTypeConfiguration<SetupToken>
{
    public void Configure(EntityTypeBuilder<SetupToken> token)
    {
        token.Property(t => t.TokenHash).HasMaxLength(64);
        token.HasIndex(t => t.TokenHash).IsUnique();
    }
}
