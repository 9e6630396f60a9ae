namespace PlanTracker.Web.Features.Admin.Plans;

public sealed class SectionInput
{
    public string? Number { get; set; }
    public string? Title { get; set; }
    /// <summary>The section's Version when the form was opened.</summary>
    public int Version { get; set; }

    public static SectionInput Of(Section section) => new()
    {
        Number = section.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Title = section.Title,
        Version = section.Version,
    };

    /// <summary>Checks the fields, and that no other section of the plan (retired ones too) has the number.</summary>
    public async Task<(int Number, string Title)?> CheckAsync(PlanTrackerDbContext db, int planId, int? sectionId, Problems problems)
    {
        var number = problems.Number(Number, 1, 99, "số thứ tự lĩnh vực");
        var title = problems.Required(Title, 300, "tên lĩnh vực");
        if (number is { } n)
        {
            var other = await db.Sections.AsNoTracking()
                .FirstOrDefaultAsync(s => s.PlanId == planId && s.Number == n && s.Id != sectionId);
            if (other is not null)
                problems.Add($"Kế hoạch đã có lĩnh vực số {n} ({other.Title}{(other.IsRetired ? ", đã ngừng" : "")}); chọn số khác.");
        }
        return problems.Any ? null : (number!.Value, title!);
    }
}
