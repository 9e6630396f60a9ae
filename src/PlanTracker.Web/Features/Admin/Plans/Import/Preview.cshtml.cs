using System.Globalization;
using PlanTracker.Core.History;
using PlanTracker.Core.Import;
using PlanTracker.Core.Import.Documents;
using PlanTracker.Core.Text;
using PlanTracker.Web.Features.Admin.Units;

namespace PlanTracker.Web.Features.Admin.Plans.Import;

/// <summary>
/// Steps 2 and 3 of the import wizard: the plan as read, checked (<see cref="PlanReview"/>), nothing written; the
/// header editable; an unknown unit name offered its nearest units to become their alias; then one import that makes
/// a draft plan, all or nothing (<see cref="PlanImporter"/>), or a cancel that deletes the kept upload.
/// </summary>
public class PreviewModel(PlanTrackerDbContext db, ImportUploads uploads, PlanImporter importer, IConfiguration config, TimeProvider time) : PageModel
{
    public sealed class HeaderInput
    {
        public string? Number { get; set; }
        public string? Title { get; set; }
        public int? Year { get; set; }
        public string? IssuedOn { get; set; }
        public string? Issuer { get; set; }
    }

    /// <summary>A directory entry an unknown name may become an alias of.</summary>
    public sealed record Candidate(string Kind, int Id, string Name)
    {
        public override string ToString() => $"{Kind}{Id:D9}";
    }

    public string Id { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public PlanReview Review { get; private set; } = null!;
    public HeaderInput Header { get; private set; } = new();
    public Dictionary<string, IReadOnlyList<Candidate>> Suggestions { get; private set; } = [];
    public List<string> Messages { get; } = [];
    public string? Notice => TempData["Notice"] as string;

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ? Page() : Gone();

    public async Task<IActionResult> OnPostHeaderAsync(string id, [FromForm(Name = "Header")] HeaderInput header)
    {
        if (!uploads.Exists(id)) return Gone();
        await uploads.SaveHeaderAsync(id, ToDto(header));
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAliasAsync(string id, string name, string candidate)
    {
        if (!uploads.Exists(id)) return Gone();
        var alias = VietnameseText.Clean(name);
        var problems = new Problems();
        if (alias.Length is 0 or > 300) problems.Add("Tên gọi khác phải có từ 1 đến 300 ký tự.");
        var (kind, ownerId) = candidate is { Length: > 1 } c && int.TryParse(c[1..], CultureInfo.InvariantCulture, out var n) ? (c[0], n) : ('?', 0);
        if (!problems.Any) await DirectoryInput.CheckNamesFreeAsync(db, [alias], null, null, problems);
        string? owner = null;
        if (!problems.Any && kind == 'u' && await db.Units.Include(u => u.Aliases).FirstOrDefaultAsync(u => u.Id == ownerId) is { } unit)
        {
            var before = string.Join("; ", unit.Aliases.Select(a => a.Alias).Order(StringComparer.Ordinal));
            unit.Aliases.Add(DirectoryInput.AliasOf(alias));
            var changes = new FieldChanges().Add(nameof(unit.Aliases), "cách ghi khác", before, string.Join("; ", unit.Aliases.Select(a => a.Alias).Order(StringComparer.Ordinal)));
            db.Record(User.Actor(), time.GetUtcNow().UtcDateTime, unit, Change.Updated, $"Sửa đơn vị {unit.Name}: {changes.Labels} (khi nhập kế hoạch)", changes.Before, changes.After);
            owner = $"đơn vị {unit.Name}";
        }
        else if (!problems.Any && kind == 'g' && await db.UnitGroups.Include(g => g.Aliases).FirstOrDefaultAsync(g => g.Id == ownerId) is { } group)
        {
            var before = string.Join("; ", group.Aliases.Select(a => a.Alias).Order(StringComparer.Ordinal));
            group.Aliases.Add(DirectoryInput.AliasOf(alias));
            var changes = new FieldChanges().Add(nameof(group.Aliases), "cách ghi khác", before, string.Join("; ", group.Aliases.Select(a => a.Alias).Order(StringComparer.Ordinal)));
            db.Record(User.Actor(), time.GetUtcNow().UtcDateTime, group, Change.Updated, $"Sửa nhóm đơn vị {group.Name}: {changes.Labels} (khi nhập kế hoạch)", changes.Before, changes.After);
            owner = $"nhóm {group.Name}";
        }
        else if (!problems.Any)
            problems.Add("Không tìm thấy đơn vị được chọn.");
        if (problems.Any)
        {
            if (!await LoadAsync(id)) return Gone();
            Messages.AddRange(problems.All);
            return Page();
        }
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Đã thêm “{alias}” làm tên gọi khác của {owner}.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostConfirmAsync(string id, [FromForm(Name = "Header")] HeaderInput header)
    {
        if (!uploads.Exists(id)) return Gone();
        await uploads.SaveHeaderAsync(id, ToDto(header));
        if (!await LoadAsync(id)) return Gone();
        if (Review.HasErrors)
        {
            Messages.Add("Chưa nhập được: còn lỗi trong bảng xem trước. Hãy sửa các lỗi rồi xác nhận lại.");
            return Page();
        }
        var upload = (await uploads.LoadAsync(id))!;
        try
        {
            await importer.ImportAsync(Review.Plan, upload.Name, upload.Hash, PlanStatus.Draft);
        }
        catch (ImportException e)
        {
            Messages.Add("Không nhập được kế hoạch; chưa có gì được ghi.");
            Messages.AddRange(e.Problems);
            return Page();
        }
        var (number, year) = (VietnameseText.Clean(Review.Plan.Plan!.Number), Review.Plan.Plan.Year!.Value);
        var planId = await db.Plans.Where(p => p.Number == number && p.Year == year).Select(p => p.Id).SingleAsync();
        uploads.Delete(id);
        TempData["Notice"] = $"Đã nhập kế hoạch {number} năm {year} ở dạng nháp: {Review.Rows.Count} nhiệm vụ, {Review.Products} sản phẩm. "
            + "Các đơn vị chưa thấy kế hoạch cho đến khi kế hoạch được đưa vào thực hiện.";
        return RedirectToPage("/Admin/Plans/EditPlan", new { id = planId });
    }

    public IActionResult OnPostCancel(string id)
    {
        uploads.Delete(id);
        TempData["Notice"] = "Đã hủy nhập kế hoạch; tệp tải lên đã được xóa, chưa có gì được ghi.";
        return RedirectToPage("Index");
    }

    private RedirectToPageResult Gone()
    {
        TempData["Notice"] = "Tệp tải lên không còn (đã nhập, đã hủy hoặc để quá một ngày). Hãy tải lên lại.";
        return RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync(string id)
    {
        if (await uploads.LoadAsync(id) is not { } upload) return false;
        (Id, FileName) = (id, upload.Name);
        DocumentReading reading;
        try { reading = PlanDocuments.Read(new MemoryStream(upload.Content), new DocumentLimits(ImportLimits.MaxBytes(config))); }
        catch (DocumentRefusedException e) { reading = new DocumentReading(new PlanFile(), [new ReadingProblem("Tệp", e.Message)]); }
        if (await uploads.HeaderAsync(id) is { } edited) Apply(reading.Plan, edited);
        Review = await PlanReview.CreateAsync(db, reading, time.GetUtcNow().Year);
        var plan = Review.Plan.Plan;
        Header = new HeaderInput { Number = plan?.Number, Title = plan?.Title, Year = plan?.Year, IssuedOn = plan?.IssuedOn, Issuer = plan?.Issuer };
        if (Review.UnknownUnits.Count > 0)
        {
            var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Name, Aliases = u.Aliases.Select(a => a.Alias).ToList() }).ToListAsync();
            var groups = await db.UnitGroups.AsNoTracking().Select(g => new { g.Id, g.Name, Aliases = g.Aliases.Select(a => a.Alias).ToList() }).ToListAsync();
            var candidates = units.SelectMany(u => u.Aliases.Append(u.Name).Select(a => (new Candidate("u", u.Id, u.Name), a)))
                .Concat(groups.SelectMany(g => g.Aliases.Append(g.Name).Select(a => (new Candidate("g", g.Id, g.Name), a))))
                .ToList();
            foreach (var name in Review.UnknownUnits)
                Suggestions[name] = NearestNames.Nearest(name, candidates);
        }
        return true;
    }

    private static PlanHeaderDto ToDto(HeaderInput header) => new()
    {
        Number = header.Number, Title = header.Title, Year = header.Year, IssuedOn = string.IsNullOrWhiteSpace(header.IssuedOn) ? null : header.IssuedOn,
        Issuer = header.Issuer,
    };

    private static void Apply(PlanFile plan, PlanHeaderDto edited)
    {
        plan.Plan ??= new PlanHeaderDto();
        (plan.Plan.Number, plan.Plan.Title, plan.Plan.Year, plan.Plan.IssuedOn, plan.Plan.Issuer) =
            (edited.Number, edited.Title, edited.Year, edited.IssuedOn, edited.Issuer);
    }
}
