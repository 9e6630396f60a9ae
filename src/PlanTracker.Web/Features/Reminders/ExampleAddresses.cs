namespace PlanTracker.Web.Features.Reminders;

/// <summary>
/// The seed's unit directory gives every unit an address on the example domain: mail to it reaches no one, so the
/// admin pages say so until the real addresses are in.
/// </summary>
public static class ExampleAddresses
{
    public const string Domain = "@cantho.example";

    /// <summary>Units with at least one reminder address on the example domain (a few hundred units: read whole).</summary>
    public static async Task<int> UnitsOnExampleDomainAsync(PlanTrackerDbContext db, CancellationToken ct = default) =>
        (await db.Units.AsNoTracking().Where(u => u.Emails.Contains(Domain)).Select(u => u.Emails).ToListAsync(ct))
            .Count(emails => emails.Split(';', StringSplitOptions.TrimEntries).Any(e => e.EndsWith(Domain, StringComparison.OrdinalIgnoreCase)));

    public static string Banner(int units) =>
        $"{units} đơn vị vẫn dùng địa chỉ thư mẫu (…{Domain}): thư nhắc gửi tới các địa chỉ này không đến ai. "
        + "Hãy nhập địa chỉ thật tại mục Đơn vị và nhóm đơn vị.";
}
