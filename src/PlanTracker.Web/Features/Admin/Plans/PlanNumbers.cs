namespace PlanTracker.Web.Features.Admin.Plans;

/// <summary>
/// A plan's number is used once in a year (the unique index on Number and Year). The forms check first, to answer in
/// words; when two admins save the same number at the same instant both checks pass and the index refuses the second
/// save, which must get the same words, not an error page.
/// </summary>
public static class PlanNumbers
{
    public static string Taken(string number, int year) =>
        $"Đã có kế hoạch số {number} năm {year}; mỗi số kế hoạch chỉ dùng một lần trong một năm.";

    public static Task<bool> TakenAsync(PlanTrackerDbContext db, string number, int year, int? exceptPlanId = null) =>
        db.Plans.AnyAsync(p => p.Number == number && p.Year == year && p.Id != exceptPlanId);

    /// <summary>
    /// After a failed save: true when another plan now holds the number and year, which is then why it failed. Rolls the
    /// request's transaction back and empties the tracker first (PostgreSQL refuses any query in a failed transaction).
    /// </summary>
    public static async Task<bool> TakenMeanwhileAsync(PlanTrackerDbContext db, DbUpdateException failure, string number, int year, int? exceptPlanId = null)
    {
        if (failure is DbUpdateConcurrencyException) return false;
        if (db.Database.CurrentTransaction is not null) await db.Database.RollbackTransactionAsync();
        db.ChangeTracker.Clear();
        return await TakenAsync(db, number, year, exceptPlanId);
    }
}
