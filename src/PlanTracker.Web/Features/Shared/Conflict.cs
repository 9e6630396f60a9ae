namespace PlanTracker.Web.Features.Shared;

public sealed record ConflictRow(string Label, string? Saved, string? Yours)
{
    public bool Differs => (Saved ?? "") != (Yours ?? "");
}

/// <summary>A refused save: what is in the database now, and what the user sent, side by side.</summary>
public sealed class Conflict
{
    public string SavedBy { get; init; } = "Người khác";
    public DateTime? SavedAtUtc { get; init; }
    public List<ConflictRow> Rows { get; init; } = [];

    public static Conflict From(LastChange? last, params ConflictRow[] rows) => new()
    {
        SavedBy = last?.UserName is { Length: > 0 } name ? name : "Người khác",
        SavedAtUtc = last?.AtUtc,
        Rows = [.. rows],
    };

    public string SavedAt => SavedAtUtc is { } at ? EditorText.Time(at) : "";
}

public static class EditorText
{
    /// <summary>A UTC instant as Vietnamese local time, "14:05 28/12/2019".</summary>
    public static string Time(DateTime utc) => Display.Local(utc, "HH:mm dd/MM/yyyy");

    public static string YesNo(bool value) => value ? "Có" : "Không";
}
