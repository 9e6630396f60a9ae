using System.Security.Claims;

namespace PlanTracker.Web.Features.Shared;

/// <summary>One plan in a picker: "163/KH-UBND (2019)", "4168/QĐ-UBND (2021–2025)", marked when it is not active.</summary>
public sealed record PlanChoice(int Id, string Number, int Year, int EndYear, PlanStatus Status)
{
    public string Years => EndYear > Year ? $"{Year}–{EndYear}" : Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string Label => $"{Number} ({Years})" + Status switch
    {
        PlanStatus.Closed => " – đã kết thúc",
        PlanStatus.Draft => " – dự thảo",
        _ => "",
    };
}

/// <summary>
/// The plan picker every page that defaults to a plan shows (partial _PlanPicker): the plans the user may see, newest
/// first; a unit's editor never gets a draft. <see cref="Name"/> is the page's query parameter; <see cref="AnyLabel"/>,
/// when set, adds a first choice for "no plan in particular".
/// </summary>
public sealed record PlanPicker(IReadOnlyList<PlanChoice> Plans, int? Selected, string Name = "Plan", string? AnyLabel = null)
{
    /// <summary>The picker's plans; with <paramref name="ownPlansOf"/>, that unit's own plans once sent (not drafts) after them.</summary>
    public static async Task<List<PlanChoice>> ChoicesAsync(PlanTrackerDbContext db, ClaimsPrincipal user, int? ownPlansOf = null, CancellationToken ct = default)
    {
        var plans = await Choices(db.Plans.AsNoTracking().VisibleTo(user).NewestFirst()).ToListAsync(ct);
        if (ownPlansOf is { } unitId)
            plans.AddRange(await Choices(db.Plans.AsNoTracking()
                .Where(p => p.Kind == PlanKind.UnitAnnual && p.UnitId == unitId && p.Status != PlanStatus.Draft).OrderByDescending(p => p.Year)).ToListAsync(ct));
        return plans;
    }

    private static IQueryable<PlanChoice> Choices(IQueryable<Plan> plans) =>
        plans.Select(p => new PlanChoice(p.Id, p.Number, p.Year, p.EndYear, p.Status));
}

public static class UnitChoices
{
    /// <summary>Every unit for a unit picker, departments first (by kind, then name).</summary>
    public static async Task<List<(int Id, string Name)>> AllAsync(PlanTrackerDbContext db) =>
        [.. (await db.Units.AsNoTracking().OrderBy(u => u.Kind).ThenBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync()).Select(u => (u.Id, u.Name))];
}
