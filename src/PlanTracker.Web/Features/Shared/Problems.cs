using Microsoft.AspNetCore.Mvc.ModelBinding;
using PlanTracker.Core.Text;

namespace PlanTracker.Web.Features.Shared;

/// <summary>
/// Collects what is wrong with one posted form, in Vietnamese. Editor forms bind plain strings and are
/// checked here rather than by data annotations, so that every message (even for a mistyped number)
/// is ours and each form's messages appear beside that form.
/// </summary>
public sealed class Problems
{
    private readonly List<string> messages = [];

    public bool Any => messages.Count > 0;
    public IReadOnlyList<string> All => messages;

    public void Add(string message) => messages.Add(message);

    /// <summary>The cleaned text, or null with "Nhập {label}." when it is empty.</summary>
    public string? Required(string? text, int maxLength, string label)
    {
        var clean = VietnameseText.Clean(text);
        if (clean.Length == 0)
        {
            Add($"Nhập {label}.");
            return null;
        }
        return Fits(clean, maxLength, label);
    }

    /// <summary>The cleaned text, or null when it is empty.</summary>
    public string? Optional(string? text, int maxLength, string label)
    {
        var clean = VietnameseText.Clean(text);
        return clean.Length == 0 ? null : Fits(clean, maxLength, label);
    }

    public int? Number(string? text, int min, int max, string label)
    {
        if (int.TryParse(VietnameseText.Clean(text), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        Add($"{Capital(label)} phải là số nguyên từ {min} đến {max}.");
        return null;
    }

    /// <summary>A date typed as dd/MM/yyyy or sent by a date picker as yyyy-MM-dd; empty is allowed.</summary>
    public DateOnly? Date(string? text, string label)
    {
        var clean = VietnameseText.Clean(text);
        if (clean.Length == 0) return null;
        if (DateOnly.TryParseExact(clean, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"],
                System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
            return date;
        Add($"{Capital(label)} phải có dạng ngày/tháng/năm, ví dụ 28/12/2019.");
        return null;
    }

    public void CopyTo(ModelStateDictionary state, string form)
    {
        foreach (var message in messages) state.AddModelError(form, message);
    }

    private string? Fits(string clean, int maxLength, string label)
    {
        if (clean.Length <= maxLength) return clean;
        Add($"{Capital(label)} dài quá {maxLength} ký tự.");
        return null;
    }

    private static string Capital(string label) => label.Length == 0 ? label : char.ToUpperInvariant(label[0]) + label[1..];
}
