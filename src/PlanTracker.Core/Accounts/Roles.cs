namespace PlanTracker.Core.Accounts;

public static class Roles
{
    /// <summary>The CCHC office of Sở Nội vụ: everything.</summary>
    public const string Admin = "Admin";
    /// <summary>Belongs to one unit: updates what the unit leads, comments on what it coordinates.</summary>
    public const string UnitEditor = "UnitEditor";
    /// <summary>City leadership: reads everything, changes nothing.</summary>
    public const string Viewer = "Viewer";

    public static readonly string[] All = [Admin, UnitEditor, Viewer];

    public static string Label(string role) => role switch
    {
        Admin => "Quản trị (Sở Nội vụ)",
        UnitEditor => "Cán bộ đơn vị",
        Viewer => "Lãnh đạo (chỉ xem)",
        _ => role,
    };
}
