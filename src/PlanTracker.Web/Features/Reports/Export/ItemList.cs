using PlanTracker.Core.Monitoring;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Core.States;

namespace PlanTracker.Web.Features.Reports.Export;

/// <summary>Work items to export, grouped by the sections they belong to, as of a day.</summary>
public sealed record ItemList(string Title, string Subtitle, DateOnly AsOf, DateOnly CompiledOn, string? FilterText,
    List<ReportSection> Sections, bool PlanVerifiesCompletions)
{
    public StateCounts Totals => StateCounts.Of(Sections.SelectMany(s => s.Items).Select(i => i.State));
    public DeliverableState[] Columns => StateCounts.Columns(PlanVerifiesCompletions, Totals);
}

/// <summary>How numbers, dates and states read in the exported files (Vietnamese: decimal comma).</summary>
public static class ExportText
{
    private static readonly System.Globalization.CultureInfo Vi = new("vi-VN");

    public static string Percent(decimal? rate) => rate is { } r ? (r * 100).ToString("0.#", Vi) + "%" : "—";
    public static string Number(decimal? value) => value is { } v ? v.ToString("0.##", Vi) : "";
    public static string Date(DateOnly? date) => Shared.Display.Date(date);

    /// <summary>The count table's headers: the total, one per state column (<see cref="StateCounts.Columns"/>), the rate.</summary>
    public static string[] CountHeaders(DeliverableState[] columns) => ["Tổng số", .. columns.Select(s => s.Label()), "Tỷ lệ hoàn thành đúng hạn"];

    /// <summary>The on-time rate against the adjusted deadlines and against the plan's own ("theo hạn gốc").</summary>
    public static string OnTimeBoth(StateCounts totals, StateCounts original) =>
        $"Đúng hạn: {Percent(totals.OnTimeRate)} (theo hạn gốc: {Percent(original.OnTimeRate)}).";

    public const string CountedItem = "Mỗi sản phẩm được tính riêng cho từng đơn vị chủ trì và từng kỳ (sản phẩm hàng quý tính 4 kỳ).";
    public const string RateDefinition = "Tỷ lệ hoàn thành đúng hạn = số hoàn thành đúng hạn / (hoàn thành đúng hạn + hoàn thành quá hạn + quá hạn chưa hoàn thành).";

    public static string Summary(StateCounts c) =>
        $"Tổng số {c.Total} sản phẩm: hoàn thành đúng hạn {c.DoneOnTime}, hoàn thành quá hạn {c.DoneLate}, " +
        $"đang thực hiện trong hạn {c[DeliverableState.InProgress]}, quá hạn chưa hoàn thành {c.Overdue}, thường xuyên {c[DeliverableState.Ongoing]}, " +
        $"chưa có hạn {c[DeliverableState.NeedsDate]}{(c.Awaiting > 0 ? $", chờ Sở Nội vụ xác nhận hoàn thành {c.Awaiting}" : "")}; tỷ lệ hoàn thành đúng hạn {Percent(c.OnTimeRate)}.";

    public static string Product(ReportItem i) =>
        (i.Item.Product ?? "(không ghi sản phẩm)") + (i.Item.Period == "" ? "" : " · " + Periods.Label(i.Item.Period));

    /// <summary>The item's result text (in a periodic report, as it stood at the cut-off; "\n" between quarters) with its evidence.</summary>
    public static string Result(ReportItem i)
    {
        var p = i.Item.Progress;
        var evidence = p?.EvidenceNumber is null ? "" : $" (Văn bản {p.EvidenceNumber}{(p.EvidenceDate is { } d ? " ngày " + Date(d) : "")})";
        return (i.ResultText ?? "") + evidence;
    }
}
