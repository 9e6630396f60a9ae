using PlanTracker.Core.Deadlines;

namespace PlanTracker.Web.Features.Admin.Plans;

public sealed class DeliverableInput : IVersionedForm
{
    public string? Product { get; set; }
    public string? DeadlineText { get; set; }
    public string? Note { get; set; }
    /// <summary>The deliverable's Version when the form was opened.</summary>
    public int Version { get; set; }

    public static DeliverableInput Of(Deliverable d) => new()
    {
        Product = d.Product, DeadlineText = d.DeadlineText, Note = d.Note, Version = d.Version,
    };

    public (string? Product, string DeadlineText, string? Note)? Check(Problems problems)
    {
        var product = problems.Optional(Product, 2000, "sản phẩm");
        var note = problems.Optional(Note, 2000, "ghi chú");
        if (product is null && note is null && !problems.Any)
            problems.Add("Nhập sản phẩm (nếu bản in để trống ô sản phẩm, ghi lý do vào ô ghi chú).");
        var deadline = problems.Required(DeadlineText, 300, "thời gian hoàn thành (ví dụ Quý IV năm 2020, Hàng quý, Thường xuyên)");
        return problems.Any ? null : (product, deadline!, note);
    }

    /// <summary>What re-reading the deadline changes, as history fields.</summary>
    public static FieldChanges DeadlineChanges(Deliverable d, ParsedDeadline parsed, FieldChanges? into = null) =>
        (into ?? new FieldChanges())
            .Add(nameof(Deliverable.DeadlineText), "thời gian hoàn thành", d.DeadlineText, parsed.Text)
            .Add(nameof(Deliverable.DeadlineKind), "loại thời hạn", d.DeadlineKind, parsed.Kind)
            .Add(nameof(Deliverable.DeadlineStart), "ngày bắt đầu", d.DeadlineStart, parsed.Start)
            .Add(nameof(Deliverable.DeadlineDue), "hạn", d.DeadlineDue, parsed.Due)
            .Add(nameof(Deliverable.DeadlineNote), "kèm theo thời hạn", d.DeadlineNote, parsed.Note);
}
