using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Data;

namespace PlanTracker.Web.Features.Shared;

/// <summary>
/// What every editor page shares: one transaction per post, per-form error lists, the after-redirect notice
/// and the clock. Handlers load, change and save; the transaction is begun and ended here.
/// </summary>
public abstract class EditorPageModel(TimeProvider time) : PageModel
{
    /// <summary>The request's context, the same one the page was given.</summary>
    private protected PlanTrackerDbContext Db => HttpContext.RequestServices.GetRequiredService<PlanTrackerDbContext>();

    protected DateTime NowUtc => time.GetUtcNow().UtcDateTime;

    /// <summary>The notice left by the last successful action (post, redirect, get).</summary>
    public string? Notice => TempData["Notice"] as string;

    /// <summary>
    /// A post that ends in a redirect is kept; one that shows the page again (refused, conflict, not found) or
    /// throws leaves the database as it was.
    /// </summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (HttpMethods.IsGet(context.HttpContext.Request.Method))
        {
            await next();
            return;
        }
        // A closed plan is read-only: an editor of one of its items refuses every change, whatever the form.
        if (context.RouteData.Values["id"] is string text && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var id)
            && await PlanOfItemAsync(id) is { } planId && await PlanLifecycle.StatusAsync(Db, planId) is { } status && !PlanLifecycle.IsOpen(status))
        {
            context.Result = PlanLifecycle.Closed(HttpContext);
            return;
        }
        await using var transaction = await Db.Database.BeginTransactionAsync();
        var executed = await next();
        if (Db.Database.CurrentTransaction is null) return; // a refused save already rolled it back
        if (executed.Exception is null && executed.Result is RedirectToPageResult) await transaction.CommitAsync();
        else await transaction.RollbackAsync();
    }

    /// <summary>
    /// Saves, or answers false when someone saved the item since its form was loaded; then nothing of this
    /// post is kept and the tracker is empty, ready to read the saved version.
    /// </summary>
    protected async Task<bool> TrySaveAsync()
    {
        try
        {
            await Db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            await Db.Database.RollbackTransactionAsync();
            Db.ChangeTracker.Clear();
            return false;
        }
    }

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

    /// <summary>The plan the item with the route's id belongs to, for the editors of a plan's items; null elsewhere.</summary>
    protected virtual Task<int?> PlanOfItemAsync(int id) => Task.FromResult<int?>(null);
}

/// <summary>An editor of one item by id that shows itself again, read afresh, when it refuses a change.</summary>
public abstract class ItemEditorPageModel(TimeProvider time) : EditorPageModel(time)
{
    /// <summary>Reads the item and what the page shows of it, untracked, its form as saved; false when it is gone.</summary>
    protected abstract Task<bool> LoadAsync(int id);

    /// <summary>The page as saved: nothing of a refused post stays tracked.</summary>
    protected async Task<IActionResult> PageAsync(int id)
    {
        Db.ChangeTracker.Clear();
        return await LoadAsync(id) ? Page() : NotFound();
    }

    protected async Task<IActionResult> FailAsync(int id, string form, string message)
    {
        Fail(form, message);
        return await PageAsync(id);
    }
}
