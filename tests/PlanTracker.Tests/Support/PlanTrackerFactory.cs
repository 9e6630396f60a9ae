using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace PlanTracker.Tests.Support;

/// <summary>
/// The real app in-process on its own SQLite file, seeded from seed/ like a first start.
/// Settings come from the root appsettings.json, then the test's overrides.
/// </summary>
public class PlanTrackerFactory : WebApplicationFactory<Program>
{
    private readonly TempFolder folder = new();

    public Dictionary<string, string?> Settings { get; } = new();
    public string DatabaseFile => folder.File("plantracker.db");

    public PlanTrackerFactory()
    {
        Settings["ConnectionStrings:PlanTracker"] = $"Data Source={DatabaseFile}";
        Settings["Seed:Directory"] = RepoPaths.Seed;
        Settings["Clock:Today"] = "";
        Settings["Serilog:WriteTo:1:Args:path"] = folder.File("logs/plantracker-.log");
        Settings["Serilog:MinimumLevel:Default"] = "Warning";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseContentRoot(Path.Combine(RepoPaths.Root, "src", "PlanTracker.Web"));
        builder.ConfigureAppConfiguration((_, config) => config
            .AddJsonFile(Path.Combine(RepoPaths.Root, "appsettings.json"), optional: false)
            .AddInMemoryCollection(Settings));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) folder.Dispose();
    }
}
