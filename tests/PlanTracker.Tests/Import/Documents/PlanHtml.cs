using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using PlanTracker.Core.Import;
using PlanTracker.Core.Import.Documents;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Import.Documents;

/// <summary>
/// Writes a plan as the HTML of a Word document the way a secretary lays it out (letterhead, "KẾ HOẠCH", the task
/// table with a section row per section, task cells merged down over their product rows, "-" rows for sub-items),
/// and turns HTML into .docx through LibreOffice, so the reader meets a file a real word processor wrote.
/// </summary>
public static class PlanHtml
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static PlanFile Seed163() => JsonSerializer.Deserialize<PlanFile>(File.ReadAllText(RepoPaths.PlanSeed), Json)!;

    public static string Document(string body) =>
        $"<html><head><meta charset=\"utf-8\"></head><body>{body}</body></html>";

    public static string Letterhead(PlanHeaderDto plan)
    {
        var issued = DateOnly.ParseExact(plan.IssuedOn!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return "<table><tr><td>"
            + $"<p>{E(plan.Issuer!.ToUpper(CultureInfo.GetCultureInfo("vi-VN")))}</p><p>-------</p><p>Số: {E(plan.Number!)}</p></td><td>"
            + "<p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập - Tự do - Hạnh phúc</p><p>---------------</p>"
            + $"<p><i>Cần Thơ, ngày {issued.Day:00} tháng {issued.Month:00} năm {issued.Year}</i></p></td></tr></table>"
            + $"<p><b>KẾ HOẠCH</b></p><p><b>{E(plan.Title!)}</b></p><p>-----------</p>"
            + "<p>Căn cứ các văn bản có liên quan, Ủy ban nhân dân thành phố ban hành Kế hoạch như sau.</p>";
    }

    public const string Header =
        "<thead><tr><th>TT</th><th>Hoạt động</th><th>Sản phẩm</th><th>Đơn vị chủ trì tham mưu</th><th>Đơn vị phối hợp</th><th>Thời gian hoàn thành</th></tr></thead>";

    /// <summary>The whole plan: letterhead, then one table with a section row per section.</summary>
    public static string Plan(PlanFile plan)
    {
        var html = new StringBuilder(Letterhead(plan.Plan!));
        html.Append("<p>PHỤ LỤC</p><table border=\"1\">").Append(Header).Append("<tbody>");
        foreach (var section in plan.Sections!)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td colspan=\"6\"><b>{Roman(section.Number!.Value)}. {E(section.Title!)}</b></td></tr>");
            foreach (var task in section.Tasks!)
            {
                TaskRows(html, Label(task.Code!), task);
                foreach (var sub in task.Subtasks ?? []) TaskRows(html, "-", sub);
            }
        }
        return Document(html.Append("</tbody></table>").ToString());
    }

    /// <summary>
    /// One row per run of deliverables sharing a deadline (several products in one cell as "-" lines), the label,
    /// activity and unit cells merged down over them.
    /// </summary>
    private static void TaskRows(StringBuilder html, string label, TaskDto task)
    {
        var groups = new List<List<DeliverableDto>>();
        foreach (var d in task.Deliverables ?? [])
        {
            if (groups.Count > 0 && groups[^1][0].Deadline == d.Deadline) groups[^1].Add(d);
            else groups.Add([d]);
        }
        if (groups.Count == 0) groups.Add([]);
        var span = groups.Count > 1 ? $" rowspan=\"{groups.Count}\"" : "";
        foreach (var (i, group) in groups.Index())
        {
            html.Append("<tr>");
            if (i == 0)
                html.Append(CultureInfo.InvariantCulture, $"<td{span}>{E(label)}</td><td{span}>{E(task.Activity!)}</td>");
            html.Append("<td>").Append(Products(group)).Append("</td>");
            if (i == 0)
                html.Append(CultureInfo.InvariantCulture, $"<td{span}>{E(string.Join(", ", task.LeadUnits ?? []))}</td><td{span}>{E(string.Join(", ", task.CoordinatingUnits ?? []))}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td>{E(group.Count > 0 ? group[0].Deadline ?? "" : "")}</td></tr>");
        }
    }

    private static string Products(List<DeliverableDto> group) => group.Count switch
    {
        0 => "",
        1 => E(group[0].Product!),
        _ => string.Concat(group.Select(d => $"<p>- {E(d.Product!)}</p>")),
    };

    private static string Label(string code) => code[(code.IndexOf('.', StringComparison.Ordinal) + 1)..];

    public static string Roman(int n) => n switch { 1 => "I", 2 => "II", 3 => "III", 4 => "IV", 5 => "V", 6 => "VI", 7 => "VII", 8 => "VIII", 9 => "IX", _ => "X" };

    public static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>The HTML made into a .docx by LibreOffice Writer.</summary>
    public static async Task<string> DocxAsync(TempFolder folder, string name, string html)
    {
        var file = folder.Write(name + ".html", html);
        return await LibreOffice.ConvertAsync(file, "docx", "HTML (StarWriter)");
    }

    public static DocumentReading Read(string file, DocumentLimits? limits = null)
    {
        using var stream = File.OpenRead(file);
        return PlanDocuments.Read(stream, limits ?? new DocumentLimits());
    }
}
