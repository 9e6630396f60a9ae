namespace PlanTracker.Core.Plans;

/// <summary>
/// A task that carries out another plan's task: an annual task citing the programme items it implements, or a
/// unit plan's task citing the city task it implements.
/// </summary>
public class TaskCitation
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public PlanTask? Task { get; set; }
    public int CitedTaskId { get; set; }
    public PlanTask? CitedTask { get; set; }
}
