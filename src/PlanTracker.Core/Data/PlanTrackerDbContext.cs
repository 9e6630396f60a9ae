using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Plans;
using PlanTracker.Core.Units;

namespace PlanTracker.Core.Data;

public class PlanTrackerDbContext(DbContextOptions<PlanTrackerDbContext> options) : DbContext(options)
{
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<Objective> Objectives => Set<Objective>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<PlanTask> Tasks => Set<PlanTask>();
    public DbSet<Deliverable> Deliverables => Set<Deliverable>();
    public DbSet<TaskAssignment> TaskAssignments => Set<TaskAssignment>();
    public DbSet<PlanDuty> PlanDuties => Set<PlanDuty>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<UnitGroup> UnitGroups => Set<UnitGroup>();
    public DbSet<UnitGroupMember> UnitGroupMembers => Set<UnitGroupMember>();
    public DbSet<UnitAlias> UnitAliases => Set<UnitAlias>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PlanTrackerDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as readable text: portable between SQLite and PostgreSQL and legible in a raw query.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}
