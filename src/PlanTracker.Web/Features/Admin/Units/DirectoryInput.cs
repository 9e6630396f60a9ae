using System.Net.Mail;
using System.Text.RegularExpressions;
using PlanTracker.Core.Text;
using PlanTracker.Core.Units;

namespace PlanTracker.Web.Features.Admin.Units;

/// <summary>Reading and checking what admins type about units and groups: codes, e-mail addresses, aliases.</summary>
public static partial class DirectoryInput
{
    public static string? Code(string? text, Problems problems, string label)
    {
        var code = problems.Required(text, 32, label);
        if (code is not null && !CodePattern().IsMatch(code))
        {
            problems.Add($"{char.ToUpperInvariant(label[0])}{label[1..]} chỉ gồm chữ cái không dấu, chữ số, dấu gạch dưới hoặc gạch ngang (ví dụ SO_XAY_DUNG).");
            return null;
        }
        return code;
    }

    /// <summary>Unit and group codes share one name space, as in the directory file.</summary>
    public static async Task CheckCodeFreeAsync(PlanTrackerDbContext db, string code, Problems problems)
    {
        if (await db.Units.AnyAsync(u => u.Code == code) || await db.UnitGroups.AnyAsync(g => g.Code == code))
            problems.Add($"Mã {code} đã có trong danh bạ; chọn mã khác.");
    }

    /// <summary>One address per line (or separated by ";" or ","); each must be a plain address.</summary>
    public static List<string> Emails(string? text, Problems problems)
    {
        var addresses = new List<string>();
        foreach (var item in (text ?? "").Split(['\n', '\r', ';', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!MailAddress.TryCreate(item, out var address) || address.Address != item || !item.Contains('.', StringComparison.Ordinal))
                problems.Add($"“{item}” không phải là địa chỉ thư điện tử hợp lệ (ví dụ vanphong@cantho.gov.vn).");
            else if (!addresses.Contains(item, StringComparer.OrdinalIgnoreCase))
                addresses.Add(item);
        }
        if (JoinEmails(addresses).Length > 1000) problems.Add("Danh sách thư điện tử dài quá 1000 ký tự.");
        return addresses;
    }

    public static string JoinEmails(IEnumerable<string> addresses) => string.Join("; ", addresses);

    public static string EmailLines(string emails) =>
        string.Join("\n", emails.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// One alias per line, cleaned, then the name and the former name: a new name is added to the aliases, and the
    /// old one stays there, since plans already printed it. Two spellings of one key count once.
    /// </summary>
    public static List<string> Aliases(string? text, string? name, string formerName, Problems problems)
    {
        var names = new List<string>();
        foreach (var line in (text ?? "").Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
            if (problems.Optional(line, 300, "cách ghi khác") is { } alias) names.Add(alias);
        if (name is not null) names.AddRange([name, formerName]);
        return [.. names.DistinctBy(VietnameseText.NameKey)];
    }

    /// <summary>
    /// A printed name must lead to one unit or group only (UnitAlias.NameKey is unique), so a name that
    /// another unit or group already has is refused, saying whose it is.
    /// </summary>
    public static async Task CheckNamesFreeAsync(PlanTrackerDbContext db, IEnumerable<string> names, int? unitId, int? groupId, Problems problems)
    {
        var byKey = names.GroupBy(VietnameseText.NameKey).ToDictionary(g => g.Key, g => g.First());
        var keys = byKey.Keys.ToList();
        var taken = await db.UnitAliases.AsNoTracking()
            .Where(a => keys.Contains(a.NameKey))
            .Where(a => (unitId == null || a.UnitId != unitId) && (groupId == null || a.UnitGroupId != groupId))
            .Select(a => new { a.NameKey, UnitName = a.Unit!.Name, GroupName = a.UnitGroup!.Name, a.UnitId })
            .ToListAsync();
        foreach (var t in taken)
            problems.Add($"Cách ghi “{byKey[t.NameKey]}” đã thuộc {(t.UnitId is not null ? "đơn vị" : "nhóm")} “{(t.UnitId is not null ? t.UnitName : t.GroupName)}”; "
                + "mỗi cách ghi chỉ dẫn tới một đơn vị hoặc nhóm. Hãy bỏ cách ghi này hoặc sửa bên kia trước.");
    }

    /// <summary>Makes the owner's aliases exactly the given names (by key); returns the alias lists before and after.</summary>
    public static (List<string> Before, List<string> After) ApplyAliases(PlanTrackerDbContext db, List<UnitAlias> current, IReadOnlyList<string> names)
    {
        var before = current.Select(a => a.Alias).Order(StringComparer.Ordinal).ToList();
        var wanted = names.ToDictionary(VietnameseText.NameKey);
        foreach (var alias in current.Where(a => !wanted.ContainsKey(a.NameKey)).ToList())
        {
            current.Remove(alias);
            db.UnitAliases.Remove(alias); // the history record keeps it
        }
        foreach (var (key, name) in wanted)
        {
            if (current.FirstOrDefault(a => a.NameKey == key) is { } kept) kept.Alias = name;
            else current.Add(AliasOf(name));
        }
        return (before, current.Select(a => a.Alias).Order(StringComparer.Ordinal).ToList());
    }

    public static UnitAlias AliasOf(string name) => new() { Alias = name, NameKey = VietnameseText.NameKey(name) };

    /// <summary>The aliases a form shows: every one but the current name, which is always kept.</summary>
    public static string AliasLines(IEnumerable<UnitAlias> aliases, string name) =>
        string.Join("\n", aliases.Where(a => a.NameKey != VietnameseText.NameKey(name)).Select(a => a.Alias).Order(StringComparer.Ordinal));

    public static IEnumerable<UnitKind> Kinds => Enum.GetValues<UnitKind>();

    public static string KindLabel(UnitKind kind) => Features.Units.IndexModel.KindLabel(kind);

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex CodePattern();
}
