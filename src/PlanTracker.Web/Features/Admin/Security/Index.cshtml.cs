using System.Globalization;
using System.Text;
using PlanTracker.Core.Time;

namespace PlanTracker.Web.Features.Admin.Security;

/// <summary>The security log, newest first, filtered by kind, e-mail and dates (Vietnam days), and as CSV.</summary>
public class IndexModel(PlanTrackerDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Email { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<SecurityEvent> Events { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync()
    {
        var query = Filtered();
        Total = await query.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Events = await query.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
    }

    /// <summary>Every event the filters keep, as CSV in UTF-8 with a BOM (Excel then reads the Vietnamese letters).</summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        var csv = new StringBuilder();
        csv.Append("Thời điểm,Loại,Thư điện tử,Mã người dùng,Địa chỉ IP,Đường dẫn,Chi tiết\r\n");
        await foreach (var e in Filtered().AsAsyncEnumerable())
            csv.AppendJoin(',', new[] { Display.DateTime(e.AtUtc), SecurityEventKinds.Label(e.Kind), e.Email, e.UserId, e.IpAddress, e.Path, e.Detail }
                .Select(Field)).Append("\r\n");
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", "nhat-ky-bao-mat.csv");
    }

    public string PageLink(int page)
    {
        var query = Request.Query.Where(kv => kv.Key != "p").ToDictionary(kv => kv.Key, kv => kv.Value.ToString());
        query["p"] = page.ToString(CultureInfo.InvariantCulture);
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/admin/security", query!);
    }

    public string CsvLink()
    {
        var query = Request.Query.Where(kv => kv.Key != "p" && kv.Key != "handler").ToDictionary(kv => kv.Key, kv => kv.Value.ToString());
        query["handler"] = "Csv";
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/admin/security", query!);
    }

    private IQueryable<SecurityEvent> Filtered()
    {
        var query = db.SecurityEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Kind)) query = query.Where(e => e.Kind == Kind);
        if (!string.IsNullOrWhiteSpace(Email))
        {
            var email = Email.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(): the same on SQLite and PostgreSQL
            query = query.Where(e => e.Email != null && e.Email.ToLower().Contains(email));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (From is { } from) { var start = StartUtc(from); query = query.Where(e => e.AtUtc >= start); }
        if (To is { } to) { var end = StartUtc(to.AddDays(1)); query = query.Where(e => e.AtUtc < end); }
        return query.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id);
    }

    /// <summary>The UTC instant a Vietnam day starts.</summary>
    private static DateTime StartUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), VietnamClock.Zone);

    /// <summary>A CSV field, quoted when needed; a leading = + - @ is defused, since the e-mails are whatever a stranger typed.</summary>
    private static string Field(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal)) text = "'" + text;
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
