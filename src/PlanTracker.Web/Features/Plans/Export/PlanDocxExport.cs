using System.Globalization;
using PlanTracker.Web.Features.Reports.Export;

namespace PlanTracker.Web.Features.Plans.Export;

/// <summary>
/// A plan as the Word document it is issued as: the Nghị định 30/2020 letterhead, "KẾ HOẠCH" and the title, then the
/// task table in the shape the Word reader reads back (a row per section, the task cells merged down over its
/// products, "-" rows for sub-items), so that export then import gives back the same plan.
/// </summary>
public static class PlanDocxExport
{
    public static void Write(Plan plan, Stream output)
    {
        using var docx = new DocxBuilder(output);
        docx.AdministrativeHeader("", plan.Issuer ?? "", "", ReportDocx.Place, plan.IssuedOn, plan.Number);
        docx.Title("KẾ HOẠCH", plan.Title);
        docx.StartTable([5, 30, 20, 16, 17, 12], "TT", "Hoạt động", "Sản phẩm", "Đơn vị chủ trì tham mưu", "Đơn vị phối hợp", "Thời gian hoàn thành");
        foreach (var section in plan.Sections)
        {
            docx.MergedRow(true, new DocxCell($"{Roman(section.Number)}. {section.Title}", Span: 6));
            foreach (var task in section.Tasks.Where(t => t.ParentTaskId is null))
            {
                TaskRows(docx, task.Code[(task.Code.IndexOf('.', StringComparison.Ordinal) + 1)..], task);
                foreach (var sub in section.Tasks.Where(t => t.ParentTaskId == task.Id)) TaskRows(docx, "-", sub);
            }
        }
        docx.EndTable();
    }

    /// <summary>
    /// One row per run of products sharing a deadline (several products in one cell as "-" lines); the label,
    /// activity and unit cells are merged down over the rows.
    /// </summary>
    private static void TaskRows(DocxBuilder docx, string label, PlanTask task)
    {
        var groups = new List<List<Deliverable>>();
        foreach (var d in task.Deliverables)
        {
            if (groups.Count > 0 && groups[^1][0].DeadlineText == d.DeadlineText) groups[^1].Add(d);
            else groups.Add([d]);
        }
        if (groups.Count == 0) groups.Add([]);
        var merge = groups.Count > 1 ? DocxMerge.Start : DocxMerge.None;
        foreach (var (i, group) in groups.Index())
        {
            DocxCell Merged(string text) => i == 0 ? new DocxCell(text, Merge: merge) : new DocxCell(null, Merge: DocxMerge.Continue);
            docx.MergedRow(false,
                Merged(label),
                Merged(task.Activity),
                new DocxCell(group.Count == 1 ? group[0].Product : string.Join("\n", group.Select(d => "- " + d.Product))),
                Merged(Units(task, AssignmentRole.Lead)),
                Merged(Units(task, AssignmentRole.Coordinating)),
                new DocxCell(group.Count > 0 ? group[0].DeadlineText : null));
        }
    }

    private static string Units(PlanTask task, AssignmentRole role) =>
        string.Join(", ", task.Assignments.Where(a => a.Role == role).Select(a => a.PrintedName));

    private static string Roman(int number)
    {
        if (number is < 1 or > 39) return number.ToString(CultureInfo.InvariantCulture);
        string[] tens = ["", "X", "XX", "XXX"], ones = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
        return tens[number / 10] + ones[number % 10];
    }
}
