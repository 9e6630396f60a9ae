using System.Globalization;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.Text;
using PlanTracker.Core.Time;

namespace PlanTracker.Web.Features.Admin.Plans;

/// <summary>
/// "Lập kế hoạch năm sau": every deliverable's deadline now and as proposed for the new year, each row kept or
/// left out and its text editable; unfinished items may be carried over. Saving makes the draft plan.
/// </summary>
public class NextYearModel(PlanTrackerDbContext db, IClock clock, TimeProvider time) : EditorPageModel(time)
{
    public const string Form = "NextYear";
    private const int MaxDeadlineLength = 300;

    public sealed class RowInput
    {
        public int Id { get; set; }
        public bool Keep { get; set; }
        public string? Deadline { get; set; }
    }

    /// <summary>A review row: the proposal, and the text the form shows with what it reads as.</summary>
    public sealed record Row(DeliverableProposal Proposal, bool Keep, string Deadline, ParsedDeadline Reads);

    public Plan Source { get; private set; } = null!;
    public List<Row> Rows { get; private set; } = [];
    public List<PlanCopier.Unfinished> Unfinished { get; private set; } = [];
    public HashSet<int> CarryOver { get; private set; } = [];
    public string? Number { get; private set; }
    public string? Year { get; private set; }
    /// <summary>The year the proposals on the page were made for.</summary>
    public int ProposedFor { get; private set; }
    public DateOnly Today => clock.Today;

    public async Task<IActionResult> OnGetAsync(int id, int? year)
    {
        if (await LoadAsync(id) is not { } source) return NotFound();
        ProposedFor = year is >= PlanHeaderInput.MinYear and <= PlanHeaderInput.MaxYear ? year.Value : source.Year + 1;
        Number = source.Number;
        Year = ProposedFor.ToString(CultureInfo.InvariantCulture);
        Rows = [.. PlanRollover.Propose(source, ProposedFor).Select(p => new Row(p, true, p.New.Text, p.New))];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string? number, string? year, int proposedFor, List<RowInput> rows, List<int> carryOver)
    {
        if (await LoadAsync(id) is not { } source) return NotFound();
        var problems = new Problems();
        var planNumber = problems.Required(number, 64, "số kế hoạch mới (ví dụ 210/KH-UBND)");
        var planYear = problems.Number(year, PlanHeaderInput.MinYear, PlanHeaderInput.MaxYear, "năm kế hoạch mới");
        Number = number;
        Year = year;
        ProposedFor = proposedFor;
        CarryOver = [.. carryOver.Where(c => Unfinished.Any(u => u.DeliverableId == c))];

        var posted = rows.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First());
        var proposals = PlanRollover.Propose(source, proposedFor);
        var deadlines = new Dictionary<int, string>();
        foreach (var proposal in proposals)
        {
            var row = posted.GetValueOrDefault(proposal.DeliverableId);
            var text = VietnameseText.Clean(row?.Deadline);
            var startYear = planYear ?? proposedFor;
            var reads = DeadlineParser.Parse(text, startYear, startYear + source.EndYear - source.Year);
            Rows.Add(new Row(proposal, row?.Keep == true, text, reads));
            if (row?.Keep != true) continue;
            var what = $"sản phẩm “{proposal.Product ?? "(không ghi sản phẩm)"}” của nhiệm vụ {proposal.TaskCode}";
            if (text.Length == 0)
                problems.Add($"Nhập thời hạn mới cho {what}, hoặc bỏ chọn “Giữ”.");
            else if (text.Length > MaxDeadlineLength)
                problems.Add($"Thời hạn mới của {what} dài quá {MaxDeadlineLength} ký tự.");
            // A text the plan itself printed unreadable may stay as printed; a new one must be readable.
            else if (reads.Kind == DeadlineKind.Unparsed && text != VietnameseText.Clean(proposal.OldText))
                problems.Add($"Không đọc được thời hạn “{text}” của {what}. Viết ví dụ “Quý IV năm {planYear ?? proposedFor}”, "
                    + $"“Tháng 6/{planYear ?? proposedFor}”, “trước ngày 31/01/{planYear ?? proposedFor}” hoặc “Thường xuyên”.");
            else
                deadlines[proposal.DeliverableId] = text;
        }

        if (planNumber is not null && planYear is not null && await PlanNumbers.TakenAsync(db, planNumber, planYear.Value))
            problems.Add(PlanNumbers.Taken(planNumber, planYear.Value));
        if (!problems.Any && planYear != proposedFor)
            problems.Add($"Các thời hạn đề xuất trên trang là cho năm {proposedFor}. Bấm “Tính lại cho năm {planYear}” để xem đề xuất cho năm {planYear}, kiểm tra rồi lưu lại.");
        if (problems.Any || planNumber is null || planYear is null)
        {
            problems.CopyTo(ModelState, Form);
            return Page();
        }

        var plan = PlanCopier.NextYearDraft(source, planYear.Value, planNumber, NowUtc);
        try
        {
            await PlanCopier.CreateAsync(db, User.Actor(), NowUtc, plan, source,
                new PlanCopier.Choices(PlanCopier.CopyScope.Everything, deadlines, CarryOver));
        }
        catch (DbUpdateException e)
        {
            if (!await PlanNumbers.TakenMeanwhileAsync(db, e, planNumber, planYear.Value)) throw;
            ModelState.AddModelError(Form, PlanNumbers.Taken(planNumber, planYear.Value));
            await LoadAsync(id);
            return Page();
        }
        return Done($"Đã lập dự thảo kế hoạch {PlanCopier.Name(plan)} từ kế hoạch {PlanCopier.Name(source)}: "
            + $"{deadlines.Count} sản phẩm, {CarryOver.Count} sản phẩm chuyển tiếp. Kế hoạch chưa có hiệu lực cho đến khi được kích hoạt.",
            "EditPlan", new { id = plan.Id });
    }

    private async Task<Plan?> LoadAsync(int id)
    {
        var source = await PlanCopier.LoadSourceAsync(db, id);
        if (source is null) return null;
        Source = source;
        Unfinished = await PlanCopier.UnfinishedAsync(db, id, clock.Today);
        return source;
    }
}
