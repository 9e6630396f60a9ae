using PlanTracker.Core.Monitoring;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Core.States;
using static PlanTracker.Web.Features.Reports.Export.ExportText;

namespace PlanTracker.Web.Features.Reports.Export;

/// <summary>The periodic report and filtered lists as workbooks: a summary sheet, then one sheet per section.</summary>
public static class ReportXlsx
{
    public static void WritePeriodic(PeriodicReport r, Stream output)
    {
        using var book = new XlsxBuilder(output);
        var columns = StateCounts.Columns(r.Plan.VerifiesCompletions, r.Totals);
        var summary = book.TableSheet("Tổng hợp", 8, CountWidths(columns)); // title, 5 lines, a blank, the header
        summary.Title($"BÁO CÁO KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH {r.Period.Title.ToUpperInvariant()}", columns.Length + 3);
        summary.Row(($"Kế hoạch số {r.Plan.Number}: {r.Plan.Title}", XlsxBuilder.Plain));
        summary.Row(("Số liệu tính đến ngày", XlsxBuilder.Plain), r.Period.CutOff);
        summary.Row(("Ngày lập", XlsxBuilder.Plain), r.CompiledOn);
        summary.Row((CountedItem, XlsxBuilder.Plain));
        summary.Row((RateDefinition, XlsxBuilder.Plain));
        summary.Blank();
        CountRows(summary, columns, r.Sections.Select(s => (s.Number + ". " + s.Title, s.Counts)), r.Totals);
        summary.Blank();
        summary.Row((OnTimeBoth(r.Totals, r.OriginalTotals), XlsxBuilder.Plain));

        var submissions = book.TableSheet("Báo cáo của đơn vị", 2, 6, 44, 14, 18, 14, 14);
        submissions.Title($"TÌNH HÌNH GỬI BÁO CÁO {r.Period.Title.ToUpperInvariant()} (hạn {Date(r.SubmissionDue)})");
        submissions.Headers("TT", "Cơ quan, đơn vị", "Ngày gửi", "Số văn bản", "Ngày văn bản", "Tình trạng");
        foreach (var (s, n) in r.Submissions.Select((s, n) => (s, n + 1)))
            submissions.Row(n, s.UnitName, XlsxBuilder.DateOrBlank(s.SubmittedOn), s.DocumentNumber ?? "",
                XlsxBuilder.DateOrBlank(s.DocumentDate), s.State.ShortLabel());
        submissions.Blank();
        foreach (var state in (ReportState[])[ReportState.OnTime, ReportState.Late, ReportState.Missing, ReportState.NotYetDue])
            if (state != ReportState.NotYetDue || r.SubmissionCount(state) > 0)
                submissions.Row((state.ShortLabel(), XlsxBuilder.Bold), r.SubmissionCount(state));

        var indicators = book.TableSheet("Chỉ tiêu", 2, 6, 10, 60, 12, 12, 10, 12, 40, 30);
        indicators.Title($"KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU {r.Period.Title.ToUpperInvariant()}");
        indicators.Headers("TT", "Mục tiêu", "Chỉ tiêu", "Mục tiêu (số)", "Thực hiện", "Đơn vị tính", "Đánh giá", "Nguồn số liệu", "Đơn vị báo cáo");
        foreach (var (ind, n) in r.Indicators.Select((x, n) => (x, n + 1)))
            indicators.Row(n, ind.ObjectiveCode, ind.Text, XlsxBuilder.NumberOrBlank(ind.Target), XlsxBuilder.NumberOrBlank(ind.Actual?.Value), ind.Unit ?? "",
                ind.Met switch { true => "Đạt", false => "Chưa đạt", _ => "Chưa có số liệu" }, ind.Actual?.SourceNote ?? "", ind.ResponsibleUnitName ?? "");

        foreach (var section in r.Sections) SectionSheet(book, section);
    }

    public static void WriteItems(ItemList list, Stream output)
    {
        using var book = new XlsxBuilder(output);
        var columns = list.Columns;
        var summary = book.Sheet("Tổng hợp", CountWidths(columns));
        summary.Title(list.Title.ToUpperInvariant() + " " + list.Subtitle, columns.Length + 3);
        summary.Row(("Tình trạng tính đến ngày", XlsxBuilder.Plain), list.AsOf);
        summary.Row(("Ngày lập", XlsxBuilder.Plain), list.CompiledOn);
        if (list.FilterText is { Length: > 0 } f) summary.Row(("Điều kiện lọc: " + f, XlsxBuilder.Plain));
        summary.Row((CountedItem, XlsxBuilder.Plain));
        summary.Row((RateDefinition, XlsxBuilder.Plain));
        summary.Blank();
        CountRows(summary, columns, list.Sections.Select(s => (s.Number + ". " + s.Title, s.Counts)), list.Totals);
        foreach (var section in list.Sections) SectionSheet(book, section);
    }

    /// <summary>The count table's column widths: the section name, the total, a column per state, the rate.</summary>
    private static double[] CountWidths(DeliverableState[] columns) => [34, 12, .. columns.Select(_ => 12d), 14];

    private static void CountRows(SheetWriter sheet, DeliverableState[] columns, IEnumerable<(string Name, StateCounts Counts)> rows, StateCounts totals)
    {
        sheet.Headers(["Lĩnh vực", .. CountHeaders(columns)]);
        foreach (var (name, c) in rows) sheet.Row(CountCells(name, columns, c, XlsxBuilder.Text));
        sheet.Row(CountCells("Tổng cộng", columns, totals, XlsxBuilder.Bold));
    }

    private static object?[] CountCells(string name, DeliverableState[] columns, StateCounts c, uint style) =>
        [(name, style), c.Total, .. columns.Select(s => (object?)c[s]), XlsxBuilder.Styled(c.OnTimeRate, XlsxBuilder.Percent)];

    private static void SectionSheet(XlsxBuilder book, ReportSection section)
    {
        var sheet = book.TableSheet($"{section.Number}. {section.Title}", 2, 6, 9, 50, 30, 10, 34, 22, 12, 22, 13, 10, 50, 18);
        sheet.Title($"{section.Number}. {section.Title.ToUpperInvariant()}", 8);
        sheet.Headers("TT", "Mã nhiệm vụ", "Nhiệm vụ", "Sản phẩm", "Kỳ", "Đơn vị chủ trì", "Thời gian hoàn thành (nguyên văn)", "Hạn",
            "Tình trạng", "Ngày hoàn thành", "Tiến độ (%)", "Kết quả, lý do", "Văn bản minh chứng");
        var n = 0;
        foreach (var i in section.Items)
        {
            var p = i.Item.Progress;
            sheet.Row(++n, i.Item.TaskCode, i.Item.Activity, i.Item.Product ?? "(không ghi sản phẩm)", Periods.Label(i.Item.Period), i.UnitName,
                i.Item.DeadlineText, XlsxBuilder.DateOrBlank(i.Item.Due), i.State.Label(),
                XlsxBuilder.DateOrBlank(i.CompletedOn), XlsxBuilder.NumberOrBlank(p?.ProgressPercent),
                i.ResultText ?? "", p?.EvidenceNumber is { } ev ? ev + (p.EvidenceDate is { } ed ? " ngày " + Date(ed) : "") : "");
        }
    }
}
