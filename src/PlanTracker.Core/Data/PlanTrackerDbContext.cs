using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.History;
using PlanTracker.Core.PeriodicReports;
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
    public DbSet<IndicatorStep> IndicatorSteps => Set<IndicatorStep>();
    public DbSet<TaskCitation> TaskCitations => Set<TaskCitation>();
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
    public DbSet<DeadlineExtension> DeadlineExtensions => Set<DeadlineExtension>();
    public DbSet<ItemFollower> ItemFollowers => Set<ItemFollower>();
    public DbSet<UnitReport> UnitReports => Set<UnitReport>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<TaskComment> Comments => Set<TaskComment>();
    public DbSet<ChangeRecord> ChangeRecords => Set<ChangeRecord>();
    public DbSet<CountStamp> CountStamps => Set<CountStamp>();
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

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

    /// <remarks>Only ASP.NET Core's data-protection store saves synchronously; its keys are none of the rules' business.</remarks>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var held = ApplyRulesAsync(CancellationToken.None).GetAwaiter().GetResult();
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        if (held.Count == 0) return saved;
        ChangeLog.Complete(this, held);
        return saved + base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>
    /// Every save keeps the model's rules: history is never rewritten, search text follows its inputs, edited
    /// items get a new Version, history waits for new items' ids, and the dashboard's stamp is raised in the
    /// same transaction as what it counts.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        await using (own)
        {
            var held = await ApplyRulesAsync(cancellationToken);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (held.Count > 0)
            {
                ChangeLog.Complete(this, held);
                saved += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            if (own is not null) await own.CommitAsync(cancellationToken);
            return saved;
        }
    }

    /// <returns>The history records that wait for their new item's id.</returns>
    private async Task<List<ChangeRecord>> ApplyRulesAsync(CancellationToken ct)
    {
        ChangeTracker.DetectChanges();
        RefuseHistoryRewrites();
        await SearchTexts.RefreshAsync(this, ct);
        Versions.Raise(this);
        await CountStamp.RaiseAsync(this, ct);
        var held = ChangeLog.HoldBackForNewItems(this);
        ChangeLog.FillKnownIds(this);
        return held;
    }

    private void RefuseHistoryRewrites()
    {
        if (ChangeTracker.Entries<ChangeRecord>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("History records are immutable: they can be added, never changed or deleted.");
    }
}
