namespace PlanTracker.Web.Features.Admin.Plans;

public class IndexModel(PlanTrackerDbContext db, TimeProvider time) : EditorPageModel(time)
{
    public const string CreateForm = "Create";

    public record PlanRow(int Id, string Number, string Title, int Year, DateOnly? IssuedOn, int Sections, int Tasks);

    public List<PlanRow> Plans { get; private set; } = [];
    public PlanHeaderInput NewPlan { get; private set; } = new();
    public int? CopyFrom { get; private set; }
    public PlanCopier.CopyScope Copy { get; private set; } = PlanCopier.CopyScope.Nothing;

    public async Task OnGetAsync()
    {
        await LoadAsync();
        var latest = Plans.FirstOrDefault();
        var year = (latest?.Year ?? NowUtc.Year) + 1;
        NewPlan = new PlanHeaderInput { Year = year.ToString(System.Globalization.CultureInfo.InvariantCulture), Title = $"Công tác cải cách hành chính năm {year}" };
        CopyFrom = latest?.Id;
    }

    public async Task<IActionResult> OnPostCreateAsync([FromForm(Name = "NewPlan")] PlanHeaderInput newPlan, int? copyFrom, PlanCopier.CopyScope copy)
    {
        NewPlan = newPlan;
        CopyFrom = copyFrom;
        Copy = copy;
        var problems = new Problems();
        var header = newPlan.Check(problems);

        if (header is not null && await PlanNumbers.TakenAsync(db, header.Number, header.Year))
            problems.Add(PlanNumbers.Taken(header.Number, header.Year));
        var source = copy != PlanCopier.CopyScope.Nothing && copyFrom is { } sourceId ? await PlanCopier.LoadSourceAsync(db, sourceId) : null;
        if (copy != PlanCopier.CopyScope.Nothing && source is null)
            problems.Add("Chọn kế hoạch để sao chép, hoặc chọn “Không sao chép”.");
        if (problems.Any || header is null)
        {
            problems.CopyTo(ModelState, CreateForm);
            await LoadAsync();
            return Page();
        }

        var plan = new Plan
        {
            Number = header.Number, Title = header.Title, Year = header.Year, EndYear = header.EndYear, Kind = header.Kind, IssuedOn = header.IssuedOn,
            Issuer = header.Issuer, SignedBy = header.SignedBy, SignerTitle = header.SignerTitle, CreatedAtUtc = NowUtc,
        };
        try
        {
            await PlanCopier.CreateAsync(db, User.Actor(), NowUtc, plan, source, new PlanCopier.Choices(copy));
        }
        catch (DbUpdateException e)
        {
            if (!await PlanNumbers.TakenMeanwhileAsync(db, e, header.Number, header.Year)) throw;
            problems.Add(PlanNumbers.Taken(header.Number, header.Year));
            problems.CopyTo(ModelState, CreateForm);
            await LoadAsync();
            return Page();
        }
        return Done($"Đã tạo kế hoạch {plan.Number} năm {plan.Year}.", "EditPlan", new { id = plan.Id });
    }

    private async Task LoadAsync() =>
        Plans = await db.Plans.AsNoTracking().NewestFirst()
            .Select(p => new PlanRow(p.Id, p.Number, p.Title, p.Year, p.IssuedOn,
                p.Sections.Count(s => !s.IsRetired), p.Sections.Where(s => !s.IsRetired).SelectMany(s => s.Tasks).Count(t => !t.IsRetired)))
            .ToListAsync();
}
