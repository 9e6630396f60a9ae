using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PlanTracker.Web.Features.PlanEditor;

/// <summary>What every editor page shares: per-form error lists, the after-redirect notice and the clock.</summary>
public abstract class EditorPageModel(TimeProvider time) : PageModel
{
    protected DateTime NowUtc => time.GetUtcNow().UtcDateTime;

    /// <summary>The notice left by the last successful action (post, redirect, get).</summary>
    public string? Notice => TempData["Notice"] as string;

    /// <summary>The messages of one form on the page; errors are keyed by the form's name.</summary>
    public IReadOnlyList<string> ErrorsFor(string form) =>
        ModelState.TryGetValue(form, out var entry) ? [.. entry.Errors.Select(e => e.ErrorMessage)] : [];

    /// <summary>Post, redirect, get: the notice shows once on the page the browser lands on.</summary>
    protected IActionResult Done(string notice, string? pageName = null, object? routeValues = null)
    {
        TempData["Notice"] = notice;
        return RedirectToPage(pageName, routeValues);
    }

    protected void Fail(string form, string message) => ModelState.AddModelError(form, message);
}
