using Microsoft.AspNetCore.Authorization;
using PlanTracker.Core.Monitoring;
using PlanTracker.Core.Time;
using PlanTracker.Web.Features.Reports;
using PlanTracker.Web.Features.Reports.Export;

namespace PlanTracker.Web.Features.ParIndex;

/// <summary>
/// "Chỉ số CCHC": per unit, the periodic reports sent on time (criterion 1.2) and the items done on time (criterion 1.6),
/// worst first, and the city's projected points on both under the configured rule. Sở Nội vụ and the leadership read it,
/// as they read the dashboard; a unit editor is refused.
/// </summary>
[Authorize(Policy = Policies.AdminOrViewer)]
public class IndexModel(PlanTrackerDbContext db, MonitoringReports reports, ParIndexReport par, IClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Plan { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? AsOf { get; set; }

    public DateOnly AsOfDate => AsOf ?? clock.Today;
    public ParIndexView? View { get; private set; }
    public List<PlanChoice> Plans { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var plan = await reports.PlanAsync(Plan, User);
        if (plan is null) return Plan is null ? Page() : NotFound();
        Plans = await PlanPicker.ChoicesAsync(db, User, ct: ct);
        View = await par.BuildAsync(plan, AsOfDate, ct);
        return Page();
    }

    /// <summary>The two tables and the projection as a workbook: /par-index?handler=xlsx&amp;plan=..&amp;asOf=..</summary>
    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        var plan = await reports.PlanAsync(Plan, User);
        if (plan is null) return NotFound();
        var view = await par.BuildAsync(plan, AsOfDate, ct);
        var buffer = new MemoryStream();
        ParIndexXlsx.Write(view, buffer);
        buffer.Position = 0;
        return File(buffer, ReportEndpoints.Xlsx, $"chi-so-cchc-{plan.Year}-{AsOfDate:yyyyMMdd}.xlsx");
    }
}

/// <summary>The PAR Index view as a workbook: the projection, then one sheet per criterion, ranked as on the page.</summary>
public static class ParIndexXlsx
{
    public static void Write(ParIndexView view, Stream output)
    {
        using var book = new XlsxBuilder(output);
        var summary = book.Sheet("Dự kiến điểm", 44, 14, 14, 14, 14);
        summary.Title($"DỰ KIẾN ĐIỂM CHỈ SỐ CCHC – KẾ HOẠCH {view.Plan.Number}");
        summary.Row($"Tính đến ngày {ExportText.Date(view.AsOf)}");
        summary.Blank();
        summary.Headers("Tiêu chí", "Tỷ lệ đúng hạn", "Điểm dự kiến", "Điểm tối đa", "Điểm bị trừ");
        foreach (var p in new[] { view.ReportPoints, view.TaskPoints }.OfType<ParProjection>())
            summary.Row($"{p.Criterion.Code}. {p.Criterion.Name}", XlsxBuilder.Styled(p.Rate, XlsxBuilder.Percent),
                XlsxBuilder.NumberOrBlank(p.Points), XlsxBuilder.NumberOrBlank(p.Criterion.MaxPoints), XlsxBuilder.NumberOrBlank(p.Lost));

        var reports = book.TableSheet("Tiêu chí 1.2", 1, 44, 12, 12, 12, 12, 14);
        reports.Headers("Đơn vị", "Báo cáo đến hạn", "Nộp đúng hạn", "Nộp trễ hạn", "Chưa nộp", "Tỷ lệ đúng hạn");
        foreach (var r in view.Reports)
            reports.Row(r.Name, r.Due, r.OnTime, r.Late, r.Missing, XlsxBuilder.Styled(r.Rate, XlsxBuilder.Percent));

        var tasks = book.TableSheet("Tiêu chí 1.6", 1, 44, 12, 12, 12, 12, 14);
        tasks.Headers("Đơn vị", "Sản phẩm đến hạn", "Hoàn thành đúng hạn", "Hoàn thành quá hạn", "Quá hạn", "Tỷ lệ đúng hạn");
        foreach (var t in view.Tasks)
            tasks.Row(t.Name, t.Counts.Due, t.Counts.DoneOnTime, t.Counts.DoneLate, t.Counts.Overdue, XlsxBuilder.Styled(t.Counts.OnTimeRate, XlsxBuilder.Percent));
    }
}
