using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Data;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.Text;

namespace PlanTracker.Core.Import.Documents;

/// <summary>A printed unit name and whether the unit directory (names and aliases) knows it.</summary>
public sealed record UnitReading(string Name, bool Known);

/// <summary>A product and how its printed deadline reads.</summary>
public sealed record ProductReading(string? Product, ParsedDeadline Deadline);

/// <summary>One task or sub-item as the preview shows it, with the problems found on its row.</summary>
public sealed record ReviewRow(string Code, string Place, int Depth, string Activity, IReadOnlyList<UnitReading> Lead,
    IReadOnlyList<UnitReading> Coordinating, IReadOnlyList<ProductReading> Products, IReadOnlyList<ReadingProblem> Problems);

/// <summary>
/// A plan read from a document, checked against the rules an import applies, before anything is written: the same
/// check for the import wizard's preview and for the `import` verb. The reader's problems go to the row they name;
/// to them are added the seed format's rules (<see cref="PlanFileValidator"/>), a plan already there with the same
/// number and year, unit names the directory does not know (all of a row's: an error; some: a warning, the name is
/// kept unlinked as the JSON import does) and deadlines the parser cannot read (a warning: the text is kept).
/// </summary>
public sealed class PlanReview
{
    public const string HeaderPlace = "Đầu kế hoạch";

    public required PlanFile Plan { get; init; }
    public required IReadOnlyList<ReviewRow> Rows { get; init; }
    /// <summary>Problems of the plan as a whole, or on a place that is no task's row.</summary>
    public required IReadOnlyList<ReadingProblem> General { get; init; }

    public IEnumerable<ReadingProblem> AllProblems => General.Concat(Rows.SelectMany(r => r.Problems));
    public int Errors => AllProblems.Count(p => p.IsError);
    public int Warnings => AllProblems.Count(p => !p.IsError);
    public bool HasErrors => Errors > 0;
    public int Products => Rows.Sum(r => r.Products.Count);

    /// <summary>The unit names no unit or group is known by, each once, in the order they first appear.</summary>
    public IReadOnlyList<string> UnknownUnits => [.. Rows.SelectMany(r => r.Lead.Concat(r.Coordinating)).Where(u => !u.Known)
        .Select(u => u.Name).DistinctBy(VietnameseText.NameKey)];

    public static async Task<PlanReview> CreateAsync(PlanTrackerDbContext db, DocumentReading reading, int fallbackYear, CancellationToken ct = default)
    {
        var plan = reading.Plan;
        var general = new List<ReadingProblem>();
        foreach (var problem in PlanFileValidator.Validate(plan))
            general.Add(FromValidator(problem));

        var header = plan.Plan;
        var year = header?.Year ?? fallbackYear;
        var endYear = header?.EndYear is { } end && end >= year ? end : year;
        var number = VietnameseText.Clean(header?.Number);
        if (number.Length > 0 && header?.Year is { } y && await db.Plans.AsNoTracking().AnyAsync(p => p.Number == number && p.Year == y, ct))
            general.Add(new ReadingProblem(HeaderPlace, $"Đã có kế hoạch số {number} năm {y}; mỗi số kế hoạch chỉ dùng một lần trong một năm. Hãy sửa số kế hoạch hoặc sửa kế hoạch đã có trong trang sửa kế hoạch."));

        var directory = await UnitDirectory.LoadAsync(db, ct);
        var rows = new List<ReviewRow>();
        var byPlace = reading.Problems.ToLookup(p => p.Place);
        var placed = new HashSet<string>();
        foreach (var section in plan.Sections ?? [])
            foreach (var task in section.Tasks ?? [])
                AddRows(task, 0, year, endYear, directory, byPlace, placed, rows);
        general.InsertRange(0, reading.Problems.Where(p => !placed.Contains(p.Place)));
        return new PlanReview { Plan = plan, Rows = rows, General = general };
    }

    private static void AddRows(TaskDto task, int depth, int year, int endYear, UnitDirectory directory,
        ILookup<string, ReadingProblem> byPlace, HashSet<string> placed, List<ReviewRow> rows)
    {
        var place = VietnameseText.Clean(task.Source);
        var problems = new List<ReadingProblem>();
        if (place.Length > 0 && placed.Add(place)) problems.AddRange(byPlace[place]);
        var rowPlace = place.Length > 0 ? place : $"Nhiệm vụ {task.Code}";

        var lead = Units(directory, task.LeadUnits, task.InferredLeadUnits);
        var coordinating = Units(directory, task.CoordinatingUnits, task.InferredCoordinatingUnits);
        var all = lead.Concat(coordinating).ToList();
        var unknown = all.Where(u => !u.Known).Select(u => $"“{u.Name}”").ToList();
        if (all.Count > 0 && unknown.Count == all.Count)
            problems.Add(new ReadingProblem(rowPlace, $"Không nhận ra đơn vị nào của dòng này ({string.Join(", ", unknown)}). Hãy thêm tên gọi khác cho đơn vị đúng, hoặc sửa tài liệu."));
        else if (unknown.Count > 0)
            problems.Add(ReadingProblem.Warning(rowPlace, $"Không nhận ra đơn vị {string.Join(", ", unknown)}; tên được giữ nguyên văn, không gắn với đơn vị nào."));

        var products = new List<ProductReading>();
        foreach (var deliverable in task.Deliverables ?? [])
        {
            var deadline = DeadlineParser.Parse(deliverable.Deadline, year, endYear);
            products.Add(new ProductReading(deliverable.Product, deadline));
            if (deadline.Kind == DeadlineKind.Unparsed && deadline.Text.Length > 0)
                problems.Add(ReadingProblem.Warning(rowPlace, $"Không đọc được thời hạn “{deadline.Text}”; thời hạn được giữ nguyên văn và cần đặt ngày sau."));
        }

        rows.Add(new ReviewRow(VietnameseText.Clean(task.Code), rowPlace, depth, VietnameseText.Clean(task.Activity), lead, coordinating, products, problems));
        foreach (var sub in task.Subtasks ?? []) AddRows(sub, depth + 1, year, endYear, directory, byPlace, placed, rows);
    }

    private static List<UnitReading> Units(UnitDirectory directory, List<string>? printed, List<string>? inferred) =>
        [.. (printed ?? []).Concat(inferred ?? []).Select(VietnameseText.Clean).Where(n => n.Length > 0).Distinct()
            .Select(n => new UnitReading(n, directory.TryFind(n, out _, out _)))];

    /// <summary>The seed format's rules, said in Vietnamese where an admin can act on them; the JSON path stays as the place.</summary>
    private static ReadingProblem FromValidator(string problem)
    {
        var colon = problem.IndexOf(": ", StringComparison.Ordinal);
        var (path, detail) = colon > 0 ? (problem[..colon], problem[(colon + 2)..]) : ("$", problem);
        var message = path switch
        {
            "$.plan" => "Không đọc được phần đầu kế hoạch (số, tên, năm).",
            "$.plan.number" => "Thiếu số kế hoạch; hãy nhập số kế hoạch.",
            "$.plan.title" => "Thiếu tên kế hoạch; hãy nhập tên kế hoạch.",
            "$.plan.year" => "Thiếu năm kế hoạch hoặc năm không hợp lệ; hãy nhập năm.",
            "$.plan.issuedOn" => "Ngày ban hành không hợp lệ.",
            "$.sections" => "Không có lĩnh vực hay nhiệm vụ nào được đọc ra.",
            _ => $"Dữ liệu chưa hợp lệ: {detail}",
        };
        return new ReadingProblem(path.StartsWith("$.plan", StringComparison.Ordinal) ? HeaderPlace : path, message);
    }
}
