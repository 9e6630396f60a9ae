using System.Globalization;
using PlanTracker.Core.Monitoring;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Core.States;
using static PlanTracker.Web.Features.Reports.Export.ExportText;

namespace PlanTracker.Web.Features.Reports.Export;

/// <summary>The periodic report and filtered lists as Word documents in the NĐ30 administrative format.</summary>
public static class ReportDocx
{
    public const string ParentBody = "Ủy ban nhân dân thành phố Cần Thơ";
    public const string Issuer = "Sở Nội vụ";
    public const string Place = "Cần Thơ";

    public static void WritePeriodic(PeriodicReport r, Stream output)
    {
        using var doc = new DocxBuilder(output);
        doc.AdministrativeHeader(ParentBody, Issuer, "BC-SNV", Place, r.CompiledOn);
        doc.Title("BÁO CÁO", $"Kết quả thực hiện công tác cải cách hành chính {r.Period.Title}");
        var issued = r.Plan.IssuedOn is { } on ? $" ngày {Date(on)}" : "";
        doc.Paragraph($"Thực hiện Kế hoạch số {r.Plan.Number}{issued} của {r.Plan.Issuer ?? "Ủy ban nhân dân thành phố"} về {FirstLower(r.Plan.Title)}, " +
            $"Sở Nội vụ tổng hợp, báo cáo kết quả thực hiện {r.Period.Title} (số liệu tính đến ngày {Date(r.Period.CutOff)}) như sau:");

        doc.Heading("I. TÌNH HÌNH GỬI BÁO CÁO ĐỊNH KỲ CỦA CÁC CƠ QUAN, ĐƠN VỊ");
        doc.Paragraph($"Có {r.Submissions.Count} cơ quan, đơn vị phải gửi báo cáo {r.Period.Title} (hạn gửi {Date(r.SubmissionDue)}): " +
            $"{r.SubmissionCount(ReportState.OnTime)} đơn vị gửi đúng hạn, {r.SubmissionCount(ReportState.Late)} đơn vị gửi trễ hạn, " +
            $"{r.SubmissionCount(ReportState.Missing)} đơn vị chưa gửi" +
            (r.SubmissionCount(ReportState.NotYetDue) is > 0 and var notDue ? $", {notDue} đơn vị chưa đến hạn gửi." : "."));
        foreach (var (state, label) in new[] { (ReportState.Late, "Các đơn vị gửi trễ hạn"), (ReportState.Missing, "Các đơn vị chưa gửi") })
            if (r.Submissions.Where(s => s.State == state).Select(s => s.UnitName).ToList() is { Count: > 0 } names)
                doc.Paragraph($"{label}: {string.Join(", ", names)}.");
        doc.Paragraph("Danh sách chi tiết tại Phụ lục I.", italic: true);

        doc.Heading("II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH");
        doc.Paragraph("1. Tổng hợp chung. " + Summary(r.Totals));
        doc.Paragraph(OnTimeBoth(r.Totals, r.OriginalTotals));
        doc.Paragraph(CountedItem + " " + RateDefinition, italic: true);
        CountsTable(doc, StateCounts.Columns(r.Plan.VerifiesCompletions, r.Totals), r.Sections.Select(s => (s.Number + ". " + s.Title, s.Counts)), r.Totals);
        doc.Paragraph("2. Kết quả theo từng lĩnh vực (chi tiết từng sản phẩm tại Phụ lục II)");
        foreach (var section in r.Sections) SectionSummary(doc, section, $"2.{section.Number}. ");
        var highlights = r.UnitTexts.Where(u => u.Highlights is not null).ToList();
        if (highlights.Count > 0)
        {
            doc.Paragraph("3. Kết quả nổi bật theo báo cáo của các cơ quan, đơn vị");
            foreach (var u in highlights) Quote(doc, u.UnitName, u.Highlights!);
        }

        doc.Heading("III. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CỦA KẾ HOẠCH");
        if (r.Indicators.Count == 0) doc.Paragraph("Kế hoạch không có chỉ tiêu định lượng.");
        else
        {
            doc.StartTable([6, 46, 12, 12, 24], "TT", "Chỉ tiêu", "Mục tiêu", "Thực hiện", "Đánh giá, nguồn số liệu");
            foreach (var (ind, n) in r.Indicators.Select((x, n) => (x, n + 1)))
                doc.Row(n.ToString(CultureInfo.InvariantCulture), $"{ind.Text} (mục tiêu {ind.ObjectiveCode})", Number(ind.Target) + ind.Unit,
                    ind.Actual is { } a ? Number(a.Value) + ind.Unit : "Chưa có số liệu",
                    (ind.Met switch { true => "Đạt", false => "Chưa đạt", _ => "" }) + (ind.Actual?.SourceNote is { } src ? ". Nguồn: " + src : ""));
            doc.EndTable();
        }
        doc.Heading("IV. TỒN TẠI, HẠN CHẾ VÀ KHÓ KHĂN, VƯỚNG MẮC");
        var problems = r.UnitTexts.Where(u => u.Shortcomings is not null || u.Difficulties is not null).ToList();
        if (problems.Count == 0) doc.Paragraph("……………………………………………………………………………………………………");
        foreach (var u in problems)
            Quote(doc, u.UnitName, string.Join("\n", new[] { u.Shortcomings, u.Difficulties }.OfType<string>()));
        doc.Heading("V. KIẾN NGHỊ, ĐỀ XUẤT");
        foreach (var u in r.UnitTexts.Where(u => u.Proposals is not null)) Quote(doc, u.UnitName, u.Proposals!);
        doc.Paragraph("……………………………………………………………………………………………………");
        doc.Signature(["- UBND thành phố (để báo cáo);", "- Giám đốc Sở Nội vụ;", "- Lưu: VT, CCHC."], "Giám đốc");

        doc.PageBreak();
        doc.Title("PHỤ LỤC I", $"Tình hình gửi báo cáo {r.Period.Title} của các cơ quan, đơn vị");
        doc.StartTable([6, 44, 16, 18, 16], "TT", "Cơ quan, đơn vị", "Ngày gửi", "Số văn bản", "Tình trạng");
        foreach (var (s, n) in r.Submissions.Select((s, n) => (s, n + 1)))
            doc.Row(n.ToString(CultureInfo.InvariantCulture), s.UnitName, Date(s.SubmittedOn), s.DocumentNumber, s.State.ShortLabel());
        doc.EndTable();
        doc.PageBreak();
        doc.Title("PHỤ LỤC II", $"Chi tiết kết quả thực hiện từng sản phẩm (số liệu tính đến ngày {Date(r.Period.CutOff)})");
        foreach (var section in r.Sections) SectionBlock(doc, section, $"{section.Number}. ");
    }

    /// <summary>A unit's report under its own letterhead: its figures, its items and the parts it wrote (Bộ Nội vụ's outline).</summary>
    public static void WriteUnit(UnitPeriodicReport r, DateOnly today, Stream output)
    {
        using var doc = new DocxBuilder(output);
        var name = UnitLetterhead.FullName(r.Unit.Name);
        doc.AdministrativeHeader(ParentBody, name, "BC-" + UnitLetterhead.Abbreviation(r.Unit.Name), Place,
            r.Submission?.DocumentDate ?? today, r.Submission?.DocumentNumber);
        doc.Title("BÁO CÁO", $"Kết quả thực hiện công tác cải cách hành chính {r.Period.Title}");
        var issued = r.Plan.IssuedOn is { } on ? $" ngày {Date(on)}" : "";
        doc.Paragraph($"Thực hiện Kế hoạch số {r.Plan.Number}{issued} của {r.Plan.Issuer ?? "Ủy ban nhân dân thành phố"} về {FirstLower(r.Plan.Title)}, " +
            $"{name} báo cáo kết quả thực hiện {r.Period.Title} (số liệu tính đến ngày {Date(r.Period.CutOff)}) như sau:");

        doc.Heading("I. KẾT QUẢ ĐẠT ĐƯỢC");
        doc.Paragraph("1. Tổng hợp chung. " + Summary(r.Totals));
        doc.Paragraph(RateDefinition, italic: true);
        CountsTable(doc, StateCounts.Columns(r.Plan.VerifiesCompletions, r.Totals), r.Sections.Select(s => (s.Number + ". " + s.Title, s.Counts)), r.Totals);
        doc.Paragraph("2. Kết quả theo từng lĩnh vực");
        foreach (var section in r.Sections) UnitSectionBlock(doc, section, $"2.{section.Number}. ");
        doc.Paragraph("3. Kết quả nổi bật");
        Own(doc, r.Text?.Highlights);

        doc.Heading("II. TỒN TẠI, HẠN CHẾ VÀ KHÓ KHĂN, VƯỚNG MẮC");
        doc.Paragraph("1. Tồn tại, hạn chế");
        Own(doc, r.Text?.Shortcomings);
        doc.Paragraph("2. Khó khăn, vướng mắc");
        Own(doc, r.Text?.Difficulties);
        doc.Heading("III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI");
        Own(doc, r.Text?.NextSteps);
        doc.Heading("IV. KIẾN NGHỊ, ĐỀ XUẤT");
        Own(doc, r.Text?.Proposals);
        doc.Signature(["- Sở Nội vụ (để tổng hợp);", "- Lưu: VT."], UnitLetterhead.SignerTitle(r.Unit.Kind));
    }

    /// <summary>The unit's own text, a paragraph per line; dots to fill in by hand while it has written nothing.</summary>
    private static void Own(DocxBuilder doc, string? text)
    {
        if (text is null) { doc.Paragraph("……………………………………………………………………………………………………"); return; }
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries)) doc.Paragraph(line);
    }

    /// <summary>What a unit wrote, quoted with its name.</summary>
    private static void Quote(DocxBuilder doc, string unitName, string text) =>
        doc.Paragraph($"- {unitName}: “{text.Replace("\n", " ", StringComparison.Ordinal)}”");

    /// <summary>A section in the city report's body: its figures and the tasks behind its late items, not the items themselves.</summary>
    private static void SectionSummary(DocxBuilder doc, ReportSection section, string prefix)
    {
        doc.Heading(prefix + section.Title);
        if (section.Items.Count == 0) { doc.Paragraph("Không có sản phẩm."); return; }
        doc.Paragraph(Summary(section.Counts));
        var late = section.InState(DeliverableState.Overdue, DeliverableState.DoneLate).Select(i => i.Item.TaskCode).Distinct().ToList();
        if (late.Count > 0)
            doc.Paragraph($"Nhiệm vụ có sản phẩm chậm so với thời hạn: {string.Join(", ", late.Take(LateCodesShown))}" +
                (late.Count > LateCodesShown ? $" và {late.Count - LateCodesShown} nhiệm vụ khác." : "."));
    }

    /// <summary>Task codes named in a section's summary; the appendix has every item.</summary>
    private const int LateCodesShown = 15;

    private static void UnitSectionBlock(DocxBuilder doc, ReportSection section, string prefix)
    {
        doc.Heading(prefix + section.Title);
        doc.StartTable([6, 28, 18, 15, 15, 24], "TT", "Nhiệm vụ", "Sản phẩm", "Hạn", "Tình trạng", "Kết quả, lý do");
        var n = 0;
        foreach (var i in section.Items)
            doc.Row((++n).ToString(CultureInfo.InvariantCulture), $"{i.Item.TaskCode}. {i.Item.Activity}", Product(i),
                i.Item.Due is { } due ? Date(due) : i.Item.DeadlineText,
                i.State.Label() + (i.CompletedOn is { } c ? " (" + Date(c) + ")" : ""), Result(i));
        doc.EndTable();
    }

    public static void WriteItems(ItemList list, Stream output)
    {
        using var doc = new DocxBuilder(output);
        doc.AdministrativeHeader(ParentBody, Issuer, "BC-SNV", Place, list.CompiledOn);
        doc.Title(list.Title, list.Subtitle);
        doc.Paragraph($"Tình trạng tính đến ngày {Date(list.AsOf)}." + (list.FilterText is { Length: > 0 } f ? " Điều kiện lọc: " + f + "." : ""));
        doc.Paragraph(Summary(list.Totals));
        doc.Paragraph(CountedItem + " " + RateDefinition, italic: true);
        CountsTable(doc, list.Columns, list.Sections.Select(s => (s.Number + ". " + s.Title, s.Counts)), list.Totals);
        foreach (var section in list.Sections) SectionBlock(doc, section, $"{section.Number}. ");
        doc.Signature(["- Lưu: VT, CCHC."], "Người lập");
    }

    private static void CountsTable(DocxBuilder doc, DeliverableState[] columns, IEnumerable<(string Name, StateCounts Counts)> rows, StateCounts totals)
    {
        doc.StartTable([22, 10, .. columns.Select(_ => 10), 11], ["Lĩnh vực", .. CountHeaders(columns)]);
        foreach (var (name, c) in rows) doc.Row(CountCells(name, columns, c));
        doc.Row(true, CountCells("Tổng cộng", columns, totals));
        doc.EndTable();
    }

    private static string[] CountCells(string name, DeliverableState[] columns, StateCounts c) =>
        [name, c.Total.ToString(CultureInfo.InvariantCulture), .. columns.Select(s => c[s].ToString(CultureInfo.InvariantCulture)), Percent(c.OnTimeRate)];

    private static void SectionBlock(DocxBuilder doc, ReportSection section, string prefix)
    {
        doc.Heading(prefix + section.Title);
        if (section.Items.Count == 0) { doc.Paragraph("Không có sản phẩm."); return; }
        doc.Paragraph(Summary(section.Counts));
        var late = section.InState(DeliverableState.Overdue, DeliverableState.DoneLate).Count();
        if (late > 0) doc.Paragraph($"Có {late} sản phẩm chậm so với thời hạn (quá hạn hoặc hoàn thành quá hạn); lý do theo báo cáo của đơn vị ghi ở cột Kết quả.");
        doc.StartTable([6, 22, 13, 15, 15, 13, 21], "TT", "Nhiệm vụ", "Sản phẩm", "Đơn vị chủ trì", "Hạn", "Tình trạng", "Kết quả, lý do");
        var n = 0;
        foreach (var i in section.Items)
            doc.Row((++n).ToString(CultureInfo.InvariantCulture), $"{i.Item.TaskCode}. {i.Item.Activity}", Product(i), i.UnitName,
                i.Item.Due is { } due ? Date(due) : i.Item.DeadlineText,
                i.State.Label() + (i.CompletedOn is { } c ? " (" + Date(c) + ")" : ""), Result(i));
        doc.EndTable();
    }

    private static string FirstLower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
