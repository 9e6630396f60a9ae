using PlanTracker.Web.Authorization;

namespace PlanTracker.Web.Features.Admin.Plans;

/// <summary>What the editors of a plan's objectives, indicators and section III duties share.</summary>
public static class StatementEdits
{
    public static string KindLabel(ObjectiveKind kind) => kind switch
    {
        ObjectiveKind.Viewpoint => "Quan điểm",
        ObjectiveKind.GeneralGoal => "Mục tiêu chung",
        ObjectiveKind.Solution => "Giải pháp",
        _ => "Mục tiêu",
    };

    /// <summary>The periods a section III duty can name, as stored and as shown.</summary>
    public static readonly (string Code, string Label)[] Periods =
        [("Q1", "Quý I"), ("H1", "6 tháng"), ("Q3", "Quý III"), ("Y", "Năm")];

    /// <summary>A figure as the plan prints it: 35, 35.5.</summary>
    public static string Number(decimal? value) =>
        value?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    public static string Steps(IEnumerable<IndicatorStep> steps) =>
        string.Join("; ", steps.OrderBy(s => s.Year).Select(s =>
            $"{s.Year}: {Number(s.Target)}{(s.Target is not null && s.Text is not null ? " " : "")}{s.Text}"));
}

/// <summary>A page that adds one statement (objective, section III duty) to a plan; a closed plan takes none.</summary>
public abstract class AddStatementPageModel<TForm>(TimeProvider time) : ItemEditorPageModel(time)
    where TForm : class, new()
{
    public const string AddForm = "Add";

    public Plan Plan { get; private set; } = null!;
    public TForm Input { get; private set; } = new();

    public Task<IActionResult> OnGetAsync(int id)
    {
        Input = NewForm();
        return PageAsync(id);
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromForm(Name = "Input")] TForm input)
    {
        var plan = await Db.Plans.FirstOrDefaultAsync(p => p.Id == id);
        if (plan is null) return NotFound();
        var problems = new Problems();
        if (ClosedRefusal(plan.Status) is { } closed) problems.Add(closed);
        else if (await AddAsync(plan, input, problems) is { } added) return added;
        return await ShowAgainAsync(id, AddForm, problems, () => Input = input);
    }

    /// <summary>The form a new page starts from.</summary>
    protected virtual TForm NewForm() => new();

    /// <summary>Checks the form and adds the statement with its history; null when the form is refused.</summary>
    protected abstract Task<IActionResult?> AddAsync(Plan plan, TForm input, Problems problems);

    protected override async Task<bool> LoadAsync(int id)
    {
        Plan = (await Db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id))!;
        return Plan is not null;
    }
}
