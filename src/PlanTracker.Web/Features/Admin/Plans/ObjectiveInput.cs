namespace PlanTracker.Web.Features.Admin.Plans;

/// <summary>An objective (or viewpoint, general goal, solution) as typed in its form.</summary>
public sealed class ObjectiveInput : IVersionedForm
{
    public string? Code { get; set; }
    public string? Kind { get; set; }
    public string? Text { get; set; }
    /// <summary>The position among the plan's statements, from 1; empty on a new one puts it last.</summary>
    public string? Order { get; set; }
    /// <summary>The objective's Version when the form was opened.</summary>
    public int Version { get; set; }

    public static ObjectiveInput Of(Objective o) => new()
    {
        Code = o.Code, Kind = o.Kind.ToString(), Text = o.Text,
        Order = (o.SortOrder + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Version = o.Version,
    };

    public sealed record Valid(string Code, ObjectiveKind Kind, string Text, int? SortOrder);

    /// <summary>Checks the fields, and that no other statement of the plan has the code (the database refuses it too).</summary>
    public async Task<Valid?> CheckAsync(PlanTrackerDbContext db, int planId, int? objectiveId, Problems problems)
    {
        var code = problems.Required(Code, 16, "mã (ví dụ 1, 2.a, QĐ.1)");
        ObjectiveKind? kind = Enum.TryParse<ObjectiveKind>(Kind, out var k) && Enum.IsDefined(k) ? k : null;
        if (kind is null) problems.Add("Chọn loại: Mục tiêu, Quan điểm, Mục tiêu chung hoặc Giải pháp.");
        var text = problems.Required(Text, 4000, "nội dung");
        int? order = null;
        if (!string.IsNullOrWhiteSpace(Order) || objectiveId is not null)
            order = problems.Number(Order, 1, 999, "thứ tự") - 1;
        if (code is not null
            && await db.Objectives.AsNoTracking().AnyAsync(o => o.PlanId == planId && o.Code == code && o.Id != objectiveId))
            problems.Add($"Kế hoạch đã có mục mã {code}; mỗi mã chỉ dùng một lần trong một kế hoạch. Hãy chọn mã khác.");
        return problems.Any ? null : new(code!, kind!.Value, text!, order);
    }

    /// <summary>Puts the objective at a place among its plan's others (last when none is given) and numbers them all from 0.</summary>
    public static async Task PlaceAsync(PlanTrackerDbContext db, Objective objective, int? order)
    {
        var others = await db.Objectives.Where(o => o.PlanId == objective.PlanId && o.Id != objective.Id)
            .OrderBy(o => o.SortOrder).ThenBy(o => o.Id).ToListAsync();
        others.Insert(Math.Min(order ?? int.MaxValue, others.Count), objective);
        for (var i = 0; i < others.Count; i++) others[i].SortOrder = i;
    }
}
