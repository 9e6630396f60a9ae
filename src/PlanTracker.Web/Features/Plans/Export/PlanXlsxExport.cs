using PlanTracker.Core.Import.Documents;
using PlanTracker.Web.Features.Reports.Export;

namespace PlanTracker.Web.Features.Plans.Export;

/// <summary>
/// A plan as the app's .xlsx template (<see cref="ExcelTemplate"/>), which <see cref="ExcelPlanReader"/> reads back:
/// and the empty template with one example row.
/// </summary>
public static class PlanXlsxExport
{
    /// <summary>Column widths in characters, in the order of <see cref="ExcelTemplate.Columns"/>.</summary>
    private static readonly double[] Widths = [9, 26, 11, 60, 40, 30, 36, 22, 30];

    public static void Write(Plan plan, Stream output)
    {
        using var book = new XlsxBuilder(output);
        HeaderSheet(book, plan.Number, plan.Title, plan.Year, plan.IssuedOn, plan.Issuer, plan.SignedBy, plan.SignerTitle);
        var sheet = TaskSheet(book);
        foreach (var section in plan.Sections)
        {
            var tasks = section.Tasks.Where(t => t.ParentTaskId is null)
                .SelectMany(t => section.Tasks.Where(s => s.ParentTaskId == t.Id).Prepend(t));
            foreach (var task in tasks)
            {
                var leads = Units(task, AssignmentRole.Lead);
                var coordinating = Units(task, AssignmentRole.Coordinating);
                if (task.Deliverables.Count == 0)
                    sheet.Row(section.Number, section.Title, task.Code, task.Activity, "", leads, coordinating, "", task.Note ?? "");
                foreach (var (d, i) in task.Deliverables.Select((d, i) => (d, i)))
                {
                    var note = i == 0 ? string.Join(" ", new[] { task.Note, d.Note }.Where(n => !string.IsNullOrEmpty(n))) : d.Note ?? "";
                    sheet.Row(section.Number, section.Title, task.Code, task.Activity, d.Product ?? "", leads, coordinating, d.DeadlineText, note);
                }
            }
        }
    }

    /// <summary>The template to fill in: the header's labels and one example row.</summary>
    public static void WriteTemplate(Stream output)
    {
        using var book = new XlsxBuilder(output);
        HeaderSheet(book, null, null, null, null, null, null, null);
        TaskSheet(book).Row(1, "Cải cách thể chế", "1.a", "Xây dựng và triển khai thực hiện Kế hoạch kiểm tra, rà soát văn bản quy phạm pháp luật",
            "Kế hoạch", "Sở Tư pháp", "Sở, ngành TP; UBND quận, huyện", "Quý I", "Dòng mẫu: hãy thay bằng nhiệm vụ của kế hoạch.");
    }

    private static void HeaderSheet(XlsxBuilder book, string? number, string? title, int? year, DateOnly? issuedOn, string? issuer, string? signedBy, string? signerTitle)
    {
        var sheet = book.Sheet(ExcelTemplate.PlanSheet, 22, 70);
        sheet.Row((ExcelTemplate.Number, XlsxBuilder.Bold), number ?? "");
        sheet.Row((ExcelTemplate.Title, XlsxBuilder.Bold), title ?? "");
        sheet.Row((ExcelTemplate.Year, XlsxBuilder.Bold), XlsxBuilder.Styled(year, XlsxBuilder.Number));
        sheet.Row((ExcelTemplate.IssuedOn, XlsxBuilder.Bold), XlsxBuilder.DateOrBlank(issuedOn));
        sheet.Row((ExcelTemplate.Issuer, XlsxBuilder.Bold), issuer ?? "");
        sheet.Row((ExcelTemplate.SignedBy, XlsxBuilder.Bold), signedBy ?? "");
        sheet.Row((ExcelTemplate.SignerTitle, XlsxBuilder.Bold), signerTitle ?? "");
    }

    private static SheetWriter TaskSheet(XlsxBuilder book)
    {
        var sheet = book.TableSheet(ExcelTemplate.TaskSheet, 1, Widths);
        sheet.Headers(ExcelTemplate.Columns);
        return sheet;
    }

    /// <summary>The printed names in one cell; an inferred unit is the data's guess, not the plan's print, so it is left out.</summary>
    private static string Units(PlanTask task, AssignmentRole role) =>
        string.Join(ExcelTemplate.UnitSeparator, task.Assignments.Where(a => a.Role == role && !a.IsInferred).Select(a => a.PrintedName));

}
