using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.History;
using PlanTracker.Core.Plans;
using PlanTracker.Core.Progress;
using PlanTracker.Core.Units;

namespace PlanTracker.Core.Data;

/// <remarks>
/// Also keeps ASP.NET Core's data-protection keys, so that sign-in cookies and anti-forgery tokens made
/// by one app server are read by the others.
/// </remarks>
public class PlanTrackerDbContext(DbContextOptions<PlanTrackerDbContext> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<Objective> Objectives => Set<Objective>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<PlanTask> Tasks => Set<PlanTask>();
    public DbSet<Deliverable> Deliverables => Set<Deliverable>();
    public DbSet<TaskAssignment> TaskAssignments => Set<TaskAssignment>();
    public DbSet<PlanDuty> PlanDuties => Set<PlanDuty>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<UnitGroup> UnitGroups => Set<UnitGroup>();
    public DbSet<UnitGroupMember> UnitGroupMembers => Set<UnitGroupMember>();
    public DbSet<UnitAlias> UnitAliases => Set<UnitAlias>();
    public DbSet<SetupToken> SetupTokens => Set<SetupToken>();
    public DbSet<DeliverableProgress> Progress => Set<DeliverableProgress>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<TaskComment> Comments => Set<TaskComment>();
    public DbSet<ChangeRecord> ChangeRecords => Set<ChangeRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PlanTrackerDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as readable text: portable between SQLite and PostgreSQL and legible in a raw query.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseHistoryRewrites();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseHistoryRewrites();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void RefuseHistoryRewrites()
    {
        if (ChangeTracker.Entries<ChangeRecord>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("History records are immutable: they can be added, never changed or deleted.");
    }
}
