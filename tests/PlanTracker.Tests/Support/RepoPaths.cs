namespace PlanTracker.Tests.Support;

public static class RepoPaths
{
    public static string Root { get; } = FindRoot();
    public static string Seed => Path.Combine(Root, "seed");
    public static string PlanSeed => Path.Combine(Seed, "plan-163-2019.json");
    public static string UnitSeed => Path.Combine(Seed, "units-cantho.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PlanTracker.sln"))) return dir.FullName;
        throw new InvalidOperationException("PlanTracker.sln not found above " + AppContext.BaseDirectory);
    }
}
