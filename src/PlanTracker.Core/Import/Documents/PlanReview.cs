using System.Globalization;
using System.Text.RegularExpressions;
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
public sealed partial class PlanReview
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
        var checks = PlanFileValidator.Validate(plan).Select(p => FromValidator(plan, p)).ToList();

        var header = plan.Plan;
        var year = header?.Year ?? fallbackYear;
        var endYear = header?.EndYear is { } end && end >= year ? end : year;
        var number = VietnameseText.Clean(header?.Number);
        if (number.Length > 0 && header?.Year is { } y && await db.Plans.AsNoTracking().AnyAsync(p => p.Number == number && p.Year == y, ct))
            checks.Add(new ReadingProblem(HeaderPlace, $"Đã có kế hoạch số {number} năm {y}; mỗi số kế hoạch chỉ dùng một lần trong một năm. Hãy sửa số kế hoạch hoặc sửa kế hoạch đã có trong trang sửa kế hoạch."));

        var directory = await UnitDirectory.LoadAsync(db, ct);
        var rows = new List<ReviewRow>();
        var byPlace = reading.Problems.Concat(checks).ToLookup(p => p.Place);
        var placed = new HashSet<string>();
        foreach (var section in plan.Sections ?? [])
            foreach (var task in section.Tasks ?? [])
                AddRows(task, 0, year, endYear, directory, byPlace, placed, rows);
        var general = reading.Problems.Concat(checks).Where(p => !placed.Contains(p.Place)).ToList();
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

    /// <summary>
    /// The seed format's rules, said in Vietnamese where an admin can act on them. A problem of a task is placed on the
    /// task's row (its place in the document) and names the task; the rest keep their JSON path as the place.
    /// </summary>
    private static ReadingProblem FromValidator(PlanFile plan, string problem)
    {
        var colon = problem.IndexOf(": ", StringComparison.Ordinal);
        var (path, detail) = colon > 0 ? (problem[..colon], problem[(colon + 2)..]) : ("$", problem);
        if (TaskPath().Match(path) is { Success: true } m && TaskAt(plan, m.Groups[1].Value) is { } task)
        {
            var code = VietnameseText.Clean(task.Code);
            var named = code.Length > 0 ? $"Nhiệm vụ {code}" : "Nhiệm vụ ở dòng này";
            var of = code.Length > 0 ? $"nhiệm vụ {code}" : "nhiệm vụ ở dòng này";
            var product = m.Groups[3].Success ? int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) + 1 : 0;
            var message = (m.Groups[2].Value, detail) switch
            {
                ("code", _) => "Nhiệm vụ ở dòng này không có mã (số thứ tự như “a)”, “1.”); hãy ghi số thứ tự của nhiệm vụ.",
                ("activity", _) => $"{named} không có nội dung hoạt động; hãy điền ô nội dung của nhiệm vụ.",
                ("deliverables", var d) when d.StartsWith("no deadline", StringComparison.Ordinal) => $"Sản phẩm thứ {product} của {of} không có thời hạn hoàn thành; hãy điền ô thời hạn.",
                ("deliverables", _) => $"Sản phẩm thứ {product} của {of} không có tên sản phẩm; hãy điền ô sản phẩm.",
                ("leadUnits" or "coordinatingUnits", _) => $"{named} có một tên đơn vị trống; hãy sửa ô đơn vị.",
                _ => $"{named}: dữ liệu chưa hợp lệ ({detail}).",
            };
            return new ReadingProblem(Place(task), message);
        }
        if (path == "$.sections[*].tasks" && DuplicateCode().Match(detail) is { Success: true } dup)
        {
            var first = (plan.Sections ?? []).SelectMany(s => All(s.Tasks ?? [])).First(t => VietnameseText.Clean(t.Code) == dup.Groups[1].Value);
            return new ReadingProblem(Place(first), $"Mã nhiệm vụ “{dup.Groups[1].Value}” dùng cho {dup.Groups[2].Value} nhiệm vụ; mỗi nhiệm vụ cần một mã riêng, hãy sửa số thứ tự trong tài liệu.");
        }
        var general = path switch
        {
            "$.plan" => "Không đọc được phần đầu kế hoạch (số, tên, năm).",
            "$.plan.number" => "Thiếu số kế hoạch; hãy nhập số kế hoạch.",
            "$.plan.title" => "Thiếu tên kế hoạch; hãy nhập tên kế hoạch.",
            "$.plan.year" => "Thiếu năm kế hoạch hoặc năm không hợp lệ; hãy nhập năm.",
            "$.plan.issuedOn" => "Ngày ban hành không hợp lệ.",
            "$.sections" => "Không có lĩnh vực hay nhiệm vụ nào được đọc ra.",
            _ when SectionTitle().IsMatch(path) => "Một lĩnh vực (dòng tiêu đề như “I. CẢI CÁCH THỂ CHẾ”) không có tên.",
            _ => $"Dữ liệu chưa hợp lệ: {detail}",
        };
        return new ReadingProblem(path.StartsWith("$.plan", StringComparison.Ordinal) ? HeaderPlace : path, general);
    }

    /// <summary>The place a task's row is shown under in the preview (see <see cref="AddRows"/>).</summary>
    private static string Place(TaskDto task) =>
        VietnameseText.Clean(task.Source) is { Length: > 0 } place ? place : $"Nhiệm vụ {task.Code}";

    /// <summary>The task at a path such as "[0].tasks[2].subtasks[1]".</summary>
    private static TaskDto? TaskAt(PlanFile plan, string path)
    {
        var steps = Index().Matches(path).Select(x => int.Parse(x.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        if (plan.Sections is not { } sections || steps[0] >= sections.Count) return null;
        var tasks = sections[steps[0]].Tasks ?? [];
        TaskDto? task = null;
        foreach (var step in steps.Skip(1))
        {
            if (step >= tasks.Count) return null;
            task = tasks[step];
            tasks = task.Subtasks ?? [];
        }
        return task;
    }

    private static IEnumerable<TaskDto> All(IEnumerable<TaskDto> tasks) => tasks.SelectMany(t => All(t.Subtasks ?? []).Prepend(t));

    [GeneratedRegex(@"^\$\.sections(\[\d+\](?:\.(?:tasks|subtasks)\[\d+\])+)\.(\w+)(?:\[(\d+)\])?$")]
    private static partial Regex TaskPath();

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Index();

    [GeneratedRegex(@"^code '(.+)' appears (\d+) times$")]
    private static partial Regex DuplicateCode();

    [GeneratedRegex(@"^\$\.sections\[\d+\]\.title$")]
    private static partial Regex SectionTitle();
}
