namespace PlanTracker.Tests.Support;

public static class RepoPaths
{
    public static string Root { get; } = FindRoot();
    public static string Seed => Path.Combine(Root, "seed");
    public static string PlanSeed => Path.Combine(Seed, "plan-163-2019.json");
    public static string UnitSeed => Path.Combine(Seed, "units-cantho.json");

    /// <summary>
    /// The seed without the programme: the unit directory and Plan 163 alone, the database most tests describe
    /// ("the plan", its sections, its newest year). Tests of the programme or the whole cycle use <see cref="Seed"/>.
    /// </summary>
    public static string Plan163Seed { get; } = CopyOf("units-*.json", "plan-*.json");

    private static string CopyOf(params string[] patterns)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "seed-plan163");
        Directory.CreateDirectory(folder);
        foreach (var file in patterns.SelectMany(p => Directory.GetFiles(Path.Combine(Root, "seed"), p)))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        return folder;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PlanTracker.sln"))) return dir.FullName;
        throw new InvalidOperationException("PlanTracker.sln not found above " + AppContext.BaseDirectory);
    }
}
