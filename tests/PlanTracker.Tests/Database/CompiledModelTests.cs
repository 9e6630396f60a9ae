using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PlanTracker.Core.Data;
using PlanTracker.Web.Infrastructure;

namespace PlanTracker.Tests.Database;

/// <summary>
/// The app runs on a compiled model per provider (DatabaseSetup.UseCompiledModel); these fail when the entities or
/// their configurations changed and the compiled model was not made again. Both providers in every run: the model
/// is built without connecting (PostgreSQL's connection string is never opened).
/// </summary>
public class CompiledModelTests
{
    private const string Regenerate = "deploy/optimize-model.sh";

    [Fact]
    public void The_SQLite_compiled_model_matches_the_model_built_from_the_code() =>
        AssertSame("SQLite", options => options.UseSqlite("Data Source=:memory:"), postgres: false);

    [Fact]
    public void The_PostgreSQL_compiled_model_matches_the_model_built_from_the_code() =>
        AssertSame("PostgreSQL", options => options.UseNpgsql("Host=127.0.0.1;Database=never_opened;Username=nobody"), postgres: true);

    private static void AssertSame(string provider, Action<DbContextOptionsBuilder> useProvider, bool postgres)
    {
        var fromCode = new DbContextOptionsBuilder<PlanTrackerDbContext>();
        useProvider(fromCode);
        var compiled = new DbContextOptionsBuilder<PlanTrackerDbContext>();
        useProvider(compiled);
        using var codeDb = new PlanTrackerDbContext(fromCode.Options);
        using var compiledDb = new PlanTrackerDbContext(compiled.UseCompiledModel(postgres).Options);
        Assert.Contains(".CompiledModel", compiledDb.Model.GetType().FullName, StringComparison.Ordinal); // not one built from the code
        var stale = $"The {provider} compiled model is out of date with the entities and configurations. "
            + $"Make it again with `{Regenerate}` (README, \"Changing the model\"), which runs `dotnet ef dbcontext optimize` for both providers. ";

        var expected = Describe(codeDb.Model);
        var actual = Describe(compiledDb.Model);
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            stale + "\nIn the code, not compiled:\n  " + string.Join("\n  ", missing) + "\nCompiled, not in the code:\n  " + string.Join("\n  ", extra));
    }

    /// <summary>
    /// One line per fact the app's queries and saves depend on, from the entity types and from the tables they map
    /// to. Check constraints are not among them, and EF Core's migrations differ cannot compare the two: both need
    /// the design-time model, which a compiled (read-optimized) model does not keep and the app never uses.
    /// </summary>
    private static SortedSet<string> Describe(IModel model)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var entity in model.GetEntityTypes())
        {
            var name = entity.Name;
            lines.Add($"{name}: table {entity.GetTableName()}, base {entity.BaseType?.Name}, owned {entity.IsOwned()}");
            foreach (var p in entity.GetProperties())
                lines.Add($"{name}.{p.Name}: {p.ClrType}, nullable {p.IsNullable}, max length {p.GetMaxLength()}, column {p.GetColumnName()}, "
                    + $"type {p.GetColumnType()}, converter {p.GetValueConverter()?.ProviderClrType}, generated {p.ValueGenerated}, "
                    + $"concurrency {p.IsConcurrencyToken}, default {p.GetDefaultValueSql()} {p.GetDefaultValue()}");
            foreach (var n in entity.GetNavigations())
                lines.Add($"{name} navigation {n.Name}: {n.TargetEntityType.Name}, collection {n.IsCollection}");
            foreach (var key in entity.GetKeys())
                lines.Add($"{name} key ({Names(key.Properties)}), primary {key.IsPrimaryKey()}");
            foreach (var index in entity.GetIndexes())
                lines.Add($"{name} index {index.GetDatabaseName()} ({Names(index.Properties)}), unique {index.IsUnique}, filter {index.GetFilter()}");
            foreach (var fk in entity.GetForeignKeys())
                lines.Add($"{name} foreign key ({Names(fk.Properties)}) to {fk.PrincipalEntityType.Name} ({Names(fk.PrincipalKey.Properties)}), "
                    + $"required {fk.IsRequired}, unique {fk.IsUnique}, on delete {fk.DeleteBehavior}");
        }
        foreach (var table in model.GetRelationalModel().Tables)
            foreach (var column in table.Columns)
                lines.Add($"table {table.Name}.{column.Name}: {column.StoreType}, nullable {column.IsNullable}, max length {column.MaxLength}");
        return lines;
    }

    private static string Names(IEnumerable<IReadOnlyProperty> properties) => string.Join(", ", properties.Select(p => p.Name));
}
