namespace PlanTracker.Core.Import;

// The shape of seed/units-*.json.

public sealed class UnitDirectoryFile
{
    public List<UnitDto>? Units { get; set; }
    public List<UnitGroupDto>? Groups { get; set; }
}

public sealed class UnitDto
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public List<string>? Aliases { get; set; }
    public List<string>? Emails { get; set; }
}

public sealed class UnitGroupDto
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public List<string>? Aliases { get; set; }
    public string? Description { get; set; }
    public string? Note { get; set; }
    public List<string>? Members { get; set; }
}
