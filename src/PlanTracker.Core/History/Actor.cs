namespace PlanTracker.Core.History;

/// <summary>Who makes a change: a signed-in user, or the system itself (imports, scheduled jobs).</summary>
public sealed record Actor(string? UserId, string Name)
{
    public static readonly Actor System = new(null, "Hệ thống");
}
