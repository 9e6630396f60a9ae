namespace PlanTracker.Core.Generation;

/// <summary>How much synthetic data to make. The same options and seed always give the same data.</summary>
public sealed record GeneratorOptions
{
    public int Units { get; init; } = 1000;
    public int Deliverables { get; init; } = 100_000;
    public int Years { get; init; } = 5;
    public int FirstYear { get; init; } = 2019;
    public int Seed { get; init; } = 163;
    /// <summary>"Today" for the generated progress: what is past due is mostly done, some of it late, some overdue.</summary>
    public DateOnly Today { get; init; } = new(2023, 10, 1);
    /// <summary>
    /// The fixed cross-tracker scenario: every deliverable open, due dates spread evenly from 110 days
    /// before today to 254 days after in every plan, one user per unit.
    /// </summary>
    public bool AllOpen { get; init; }
    /// <summary>
    /// Every deadline a date, spread evenly as in the fixed scenario, but with progress as usual: a reminder run
    /// then meets some due dates on every day, as it does in a real year.
    /// </summary>
    public bool DatedDeadlines { get; init; }
    /// <summary>One plan of the first year holding every deliverable, led by all units: the largest plan a page can meet.</summary>
    public bool OnePlan { get; init; }
    /// <summary>
    /// The city's CCHC cycle over <see cref="FirstYear"/> and <see cref="Years"/>: one programme over the whole period,
    /// one city annual plan a year citing its items, and <see cref="UnitPlans"/> units' own plans a year citing the city
    /// tasks they lead; past years closed, today's year active, later years drafts.
    /// </summary>
    public bool Cycle { get; init; }
    /// <summary>How many units have their own annual plan each year of the cycle (departments first, then districts, then communes).</summary>
    public int UnitPlans { get; init; } = 60;
    public int OverdueDaysBack { get; init; } = 110;
    public int DueDaysAhead { get; init; } = 254;
}
