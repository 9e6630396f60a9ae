namespace PlanTracker.Web.Infrastructure;

/// <summary>
/// The folder that holds the deployer's appsettings.json and the seed/ folder: the repository root
/// when run from source, the publish folder when published. Relative paths in settings start here.
/// </summary>
public static class AppRoot
{
    public static string Find()
    {
        if (Environment.GetEnvironmentVariable("PLANTRACKER_ROOT") is { Length: > 0 } configured)
            return Path.GetFullPath(configured);
        return Upwards(AppContext.BaseDirectory) ?? Upwards(Directory.GetCurrentDirectory()) ?? AppContext.BaseDirectory;
    }

    private static string? Upwards(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "appsettings.json")) && Directory.Exists(Path.Combine(dir.FullName, "seed")))
                return dir.FullName;
        return null;
    }
}
