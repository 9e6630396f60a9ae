using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Core.States;

namespace PlanTracker.Core.Reminders;

/// <summary>
/// Writes a digest as a Vietnamese e-mail: subject, HTML and plain text with the same content. Overdue
/// things first (oldest due date first), then what falls due soon (nearest first), completions Sở Nội vụ
/// returned and decisions on extension requests; Sở Nội vụ's copies and weekly summary follow. A line not in
/// the unit's last digest is marked "mới". Every line links to its item under the configured base URL. A digest lists at most
/// limits.MaxLines lines (each section still counts all of its lines and links to the full list), and fewer
/// still if its encoded size would pass limits.MaxBytes.
/// </summary>
public sealed class DigestWriter(string baseUrl, DateOnly today, IReadOnlyDictionary<int, string> unitNames, int copyFromDaysOverdue,
    DigestLimits? limits = null, IReadOnlyDictionary<int, string>? planNames = null)
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly string root = baseUrl.TrimEnd('/');
    private readonly DigestLimits limits = limits ?? DigestLimits.Default;

    /// <summary>Lines the digest being written may list, and how many of them are left.</summary>
    private int cap, budget;

    public void Write(Digest digest)
    {
        // Halving converges in a few rounds; a digest of 200 lines is about 0.4 MB, so one round is the rule.
        for (var lines = Math.Max(0, limits.MaxLines); ; lines /= 2)
        {
            Compose(digest, lines);
            if (lines == 0 || EncodedSize(digest) <= limits.MaxBytes) return;
        }
    }

    /// <summary>
    /// An upper bound of the message's size as sent: both parts quoted-printable (3 bytes for every byte that is
    /// not printable ASCII, plus soft line breaks; base64, chosen when smaller, is less), with room for headers.
    /// </summary>
    public static long EncodedSize(Digest digest) =>
        QuotedPrintableSize(digest.Html) + QuotedPrintableSize(digest.Text)
        + 3 * (Encoding.UTF8.GetByteCount(digest.Subject) + digest.Recipients.Sum(r => r.Length + 4)) + 4096;

    private static long QuotedPrintableSize(string text)
    {
        long size = 0;
        foreach (var rune in text.EnumerateRunes())
            size += rune.Value is (>= 33 and <= 126 and not '=') or ' ' or '\r' or '\n' ? 1 : 3 * rune.Utf8SequenceLength;
        return size + size / 73 * 3;
    }

    private void Compose(Digest digest, int maxLines)
    {
        cap = budget = maxLines;
        var own = digest.Lines.Where(l => l.Rule is not (ReminderRule.OverdueCopy or ReminderRule.WeeklySummary
            or ReminderRule.Returned or ReminderRule.ExtensionDecided)).ToList();
        var returned = digest.Lines.Where(l => l.Rule == ReminderRule.Returned).OrderBy(l => l.Due).ThenBy(Title).ToList();
        var decided = digest.Lines.Where(l => l.Rule == ReminderRule.ExtensionDecided).OrderBy(l => l.Extension!.DecidedAtUtc).ToList();
        var overdue = own.Where(l => l.IsOverdue).OrderBy(l => l.Due).ThenBy(Title).ToList();
        var soon = own.Where(l => !l.IsOverdue).OrderBy(l => l.Due).ThenBy(Title).ToList();
        var copies = digest.Lines.Where(l => l.Rule == ReminderRule.OverdueCopy)
            .OrderBy(l => l.Due).ThenBy(l => UnitName(l.Work!.UnitId)).ThenBy(Title).ToList();

        digest.Subject = Subject(digest, overdue.Count, soon.Count, returned.Count, decided.Count, copies.Count);
        var html = new StringBuilder();
        var text = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>").Append(E(digest.Subject)).Append("</title></head>")
            .Append("<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1d2733\">");
        html.Append("<p>Kính gửi <strong>").Append(E(digest.UnitName)).Append("</strong>,</p>")
            .Append("<p>PlanTracker nhắc những việc của đơn vị trong Kế hoạch cải cách hành chính tính đến ngày <strong>")
            .Append(Date(today)).Append("</strong>.</p>");
        text.Append("Kính gửi ").Append(digest.UnitName).Append(",\r\n\r\n")
            .Append("PlanTracker nhắc những việc của đơn vị trong Kế hoạch cải cách hành chính tính đến ngày ").Append(Date(today)).Append(".\r\n");

        var ownList = $"{root}/tasks?Unit={digest.UnitId}&Role=Lead&State=Overdue,InProgress";
        Section(html, text, "Đã quá hạn", overdue, withUnit: false, ownList);
        Section(html, text, "Sắp đến hạn", soon, withUnit: false, ownList);
        Section(html, text, "Kết quả bị Sở Nội vụ trả lại, cần bổ sung", returned, withUnit: false, ownList);
        Section(html, text, "Quyết định về đề nghị gia hạn", decided, withUnit: false, ownList);
        Section(html, text, $"Việc quá hạn từ {copyFromDaysOverdue} ngày trở lên của các đơn vị (gửi Sở Nội vụ để theo dõi)", copies, withUnit: true,
            $"{root}/tasks?State=Overdue");
        if (digest.Week is { } week) Summary(html, text, week);

        html.Append("<p style=\"color:#5b6776;font-size:12px\">Thư này do PlanTracker gửi tự động mỗi sáng ngày làm việc, chỉ khi đơn vị có việc cần xử lý. ")
            .Append("Khi đã hoàn thành hoặc đã gửi báo cáo, xin cập nhật trên PlanTracker để thư nhắc dừng lại. Vui lòng không trả lời thư này.</p></body></html>");
        text.Append("\r\n--\r\nThư này do PlanTracker gửi tự động mỗi sáng ngày làm việc, chỉ khi đơn vị có việc cần xử lý.\r\n")
            .Append("Khi đã hoàn thành hoặc đã gửi báo cáo, xin cập nhật trên PlanTracker để thư nhắc dừng lại. Vui lòng không trả lời thư này.\r\n");
        digest.Html = html.ToString();
        digest.Text = text.ToString();
    }

    private string Subject(Digest digest, int overdue, int soon, int returned, int decided, int copies)
    {
        var parts = new List<string>();
        if (overdue > 0) parts.Add($"{overdue} việc quá hạn");
        if (soon > 0) parts.Add($"{soon} việc sắp đến hạn");
        if (returned > 0) parts.Add($"{returned} việc bị trả lại");
        if (decided > 0) parts.Add($"{decided} quyết định gia hạn");
        if (copies > 0) parts.Add($"{copies} việc quá hạn lâu của đơn vị khác");
        if (digest.Week is not null) parts.Add("tổng hợp tuần");
        return $"Nhắc việc CCHC ngày {Date(today)} – {digest.UnitName}: {string.Join(", ", parts)}";
    }

    private void Section(StringBuilder html, StringBuilder text, string heading, List<DigestLine> lines, bool withUnit, string fullList)
    {
        if (lines.Count == 0) return;
        html.Append("<h3 style=\"margin:18px 0 6px\">").Append(E(heading)).Append(" (").Append(lines.Count).Append(")</h3>");
        text.Append("\r\n").Append(heading.ToUpper(CultureInfo.GetCultureInfo("vi-VN"))).Append(" (").Append(lines.Count).Append(")\r\n");
        var listed = Listed(lines.Count);
        if (listed > 0) Table(html, text, lines.Take(listed), withUnit);
        Rest(html, text, lines.Count - listed, fullList);
    }

    private void Table(StringBuilder html, StringBuilder text, IEnumerable<DigestLine> lines, bool withUnit)
    {
        html.Append("<table cellpadding=\"6\" cellspacing=\"0\" border=\"1\" style=\"border-collapse:collapse;border-color:#d5dbe3\">")
            .Append("<tr style=\"background:#eef1f5\"><th align=\"left\">Tình trạng</th>");
        if (withUnit) html.Append("<th align=\"left\">Đơn vị chủ trì</th>");
        html.Append("<th align=\"left\">Việc</th><th align=\"left\">Hạn</th><th align=\"left\">Liên kết</th></tr>");
        foreach (var line in lines)
        {
            var (link, linkText) = Link(line);
            html.Append("<tr><td style=\"white-space:nowrap\">");
            if (line.IsNew) html.Append("<strong style=\"color:#b3261e\">Mới</strong><br>");
            html.Append(E(Standing(line))).Append("</td>");
            if (withUnit) html.Append("<td>").Append(E(UnitName(line.Work!.UnitId))).Append("</td>");
            html.Append("<td>").Append(E(Title(line)));
            if (Detail(line) is { } detail) html.Append("<br><span style=\"color:#5b6776\">").Append(E(detail)).Append("</span>");
            html.Append("</td><td style=\"white-space:nowrap\">").Append(Date(line.Due)).Append("</td><td style=\"white-space:nowrap\"><a href=\"").Append(E(link)).Append("\">")
                .Append(E(linkText)).Append("</a></td></tr>");

            text.Append(line.IsNew ? "- (mới) [" : "- [").Append(Standing(line)).Append("] ");
            if (withUnit) text.Append(UnitName(line.Work!.UnitId)).Append(": ");
            text.Append(Title(line));
            if (Detail(line) is { } d) text.Append(" — ").Append(d);
            text.Append("\r\n  Hạn: ").Append(Date(line.Due)).Append(". ").Append(linkText).Append(": ").Append(link).Append("\r\n");
        }
        html.Append("</table>");
    }

    /// <summary>How many of a section's lines fit in what is left of the digest's line budget.</summary>
    private int Listed(int count)
    {
        var listed = Math.Min(count, Math.Max(0, budget));
        budget -= listed;
        return listed;
    }

    private void Rest(StringBuilder html, StringBuilder text, int rest, string fullList)
    {
        if (rest <= 0) return;
        var line = $"… và {rest} việc khác không liệt kê trong thư này (thư chỉ liệt kê tối đa {cap} mục).";
        html.Append("<p>").Append(E(line)).Append(" <a href=\"").Append(E(fullList)).Append("\">Xem danh sách đầy đủ</a></p>");
        text.Append(line).Append(" Xem danh sách đầy đủ: ").Append(fullList).Append("\r\n");
    }

    private void Summary(StringBuilder html, StringBuilder text, IReadOnlyList<PlanWeek> week)
    {
        foreach (var plan in week)
        {
            var heading = $"Tổng hợp tuần: Kế hoạch {plan.PlanNumber} (năm {plan.Year})";
            html.Append("<h3 style=\"margin:18px 0 6px\">").Append(E(heading)).Append("</h3><table cellpadding=\"6\" cellspacing=\"0\" border=\"1\" style=\"border-collapse:collapse;border-color:#d5dbe3\">");
            text.Append("\r\n").Append(heading.ToUpper(CultureInfo.GetCultureInfo("vi-VN"))).Append("\r\n");
            foreach (var (state, count) in plan.Counts)
            {
                html.Append("<tr><td>").Append(E(state.Label())).Append("</td><td align=\"right\">").Append(count).Append("</td></tr>");
                text.Append("- ").Append(state.Label()).Append(": ").Append(count).Append("\r\n");
            }
            html.Append("</table>");

            html.Append("<p><strong>Mới quá hạn trong 7 ngày qua (").Append(plan.NewlyOverdue.Count).Append(")</strong></p>");
            text.Append("Mới quá hạn trong 7 ngày qua (").Append(plan.NewlyOverdue.Count).Append("):\r\n");
            var listed = Listed(plan.NewlyOverdue.Count);
            if (listed > 0) html.Append("<ul>");
            foreach (var item in plan.NewlyOverdue.Take(listed))
            {
                var line = $"{UnitName(item.UnitId)}: {WorkTitle(item)} (hạn {Date(item.Due)})";
                html.Append("<li>").Append(E(line)).Append(" <a href=\"").Append(E(TaskLink(item))).Append("\">Xem</a></li>");
                text.Append("- ").Append(line).Append(' ').Append(TaskLink(item)).Append("\r\n");
            }
            if (listed > 0) html.Append("</ul>");
            else if (plan.NewlyOverdue.Count == 0) { html.Append("<p>Không có.</p>"); text.Append("- Không có.\r\n"); }
            Rest(html, text, plan.NewlyOverdue.Count - listed, $"{root}/tasks?Plan={plan.PlanId}&State=Overdue");

            var reportsLink = $"{root}/reports?plan={plan.PlanId}";
            html.Append("<p><strong>Báo cáo định kỳ chưa nộp</strong> (<a href=\"").Append(E(reportsLink)).Append("\">xem bảng theo dõi</a>)</p>");
            text.Append("Báo cáo định kỳ chưa nộp (").Append(reportsLink).Append("):\r\n");
            if (plan.MissingReports.Count > 0) html.Append("<ul>");
            foreach (var (report, units) in plan.MissingReports)
            {
                var line = $"{report.Name} (hạn {Date(report.Due)}): {units.Count} đơn vị chưa nộp: {string.Join(", ", units.Select(UnitName))}";
                html.Append("<li>").Append(E(line)).Append("</li>");
                text.Append("- ").Append(line).Append("\r\n");
            }
            if (plan.MissingReports.Count > 0) html.Append("</ul>");
            else { html.Append("<p>Không có.</p>"); text.Append("- Không có.\r\n"); }
        }
    }

    private string Standing(DigestLine line) => line switch
    {
        { Rule: ReminderRule.Returned } => "Bị trả lại",
        { Extension.Status: Progress.ExtensionStatus.Approved } => "Được gia hạn",
        { Extension: not null } => "Không được gia hạn",
        _ => Standing(line.Due),
    };

    private string Standing(DateOnly due) => (today.DayNumber - due.DayNumber) switch
    {
        > 0 and var late => $"Quá hạn {late} ngày",
        0 => "Đến hạn hôm nay",
        var early => $"Còn {-early} ngày",
    };

    private string Title(DigestLine line) => line.Report is { } r ? r.Period.Name + " gửi Sở Nội vụ" + PlanOf(r.PlanId) : WorkTitle(line.Work!);

    /// <summary>"Nhiệm vụ 1.a (Quý 1) – Kế hoạch 163/KH-UBND năm 2019: ...": a task code alone is ambiguous once plans are copied year on year.</summary>
    private string WorkTitle(WorkItem w)
    {
        var period = w.Period.Length > 0 ? $" ({Periods.Label(w.Period)})" : "";
        return $"Nhiệm vụ {w.TaskCode}{period}{PlanOf(w.PlanId)}: {Shorten(w.Activity, 220)}";
    }

    private string PlanOf(int planId) => planNames?.GetValueOrDefault(planId) is { } name ? " – " + name : "";

    private static string? Detail(DigestLine line)
    {
        if (line.Report is { } r)
            return r.Period.CutOff is { } cutOff ? $"Số liệu tính đến ngày {Date(cutOff)}" : "Kế hoạch CCHC năm của đơn vị";
        var w = line.Work!;
        var detail = w.Product is { Length: > 0 } product ? $"Sản phẩm: {Shorten(product, 200)}; thời gian hoàn thành: {w.DeadlineText}" : $"Thời gian hoàn thành: {w.DeadlineText}";
        if (line.Rule == ReminderRule.Returned && w.Progress?.ReturnReason is { } reason)
            detail = $"Lý do trả lại: {Shorten(reason, 300)}. {detail}";
        if (line.Extension is { } e)
            detail = $"Đề nghị gia hạn đến {Date(e.RequestedDue)}: "
                + (e.Status == Progress.ExtensionStatus.Approved ? "đã được Sở Nội vụ đồng ý" : "Sở Nội vụ không đồng ý")
                + (e.DecisionNote is { Length: > 0 } note ? $" ({Shorten(note, 300)})" : "") + $". {detail}";
        return line.Officer is { } officer ? $"{detail}; người phụ trách: {officer}" : detail;
    }

    private (string Url, string Text) Link(DigestLine line) => line.Report is { } r
        ? ($"{root}/reports/record?plan={r.PlanId}&period={Uri.EscapeDataString(r.Period.Key)}", "Ghi nhận đã gửi")
        : (TaskLink(line.Work!), "Xem nhiệm vụ");

    private string TaskLink(WorkItem w) => $"{root}/tasks/{w.TaskId}";

    private string UnitName(int unitId) => unitNames.GetValueOrDefault(unitId, $"Đơn vị #{unitId}");

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    private static string E(string text) => Html.Encode(text);

    public static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";
}
