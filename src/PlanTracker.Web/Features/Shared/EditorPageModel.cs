using Microsoft.AspNetCore.Mvc.Filters;

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
        // An editor of a closed plan's item refuses every change, whatever the form.
        if (context.RouteData.Values["id"] is string text && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var id)
            && await PlanOfItemAsync(id) is { } planId && await PlanLifecycle.StatusAsync(Db, planId) is { } status && ClosedRefusal(status) is not null)
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

    /// <summary>
    /// The one rule of every editor of a plan's items: a closed plan is read-only. Why the plan takes no edit, or null when
    /// it does. Editors with <see cref="PlanOfItemAsync"/> answer it on the error page (403); the statement editors of
    /// Admin/Plans show it in the form they show again.
    /// </summary>
    protected static string? ClosedRefusal(Core.Plans.PlanStatus status) => PlanLifecycle.IsOpen(status) ? null : PlanLifecycle.ClosedMessage;
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

    /// <summary>The page as saved, with the form's messages and, through <paramref name="keepTyped"/>, what was typed in it.</summary>
    protected async Task<IActionResult> ShowAgainAsync(int id, string form, Problems problems, Action keepTyped)
    {
        problems.CopyTo(ModelState, form);
        var page = await PageAsync(id);
        keepTyped();
        return page;
    }

    /// <summary>Removes the item (its history already recorded) unless someone saved it since the page was loaded.</summary>
    protected async Task<IActionResult> RemoveAsync<T>(int id, string form, T item, int version, string stale, Func<IActionResult> done)
        where T : class, IVersioned
    {
        if (item.Version != version) return await FailAsync(id, form, stale);
        Db.Expect(item, version);
        Db.Remove(item);
        return await TrySaveAsync() ? done() : await FailAsync(id, form, stale);
    }
}

/// <summary>A form of a versioned item: the Version the item had when the form was opened.</summary>
public interface IVersionedForm
{
    int Version { get; set; }
}

/// <summary>
/// An editor of one versioned item through its form "Edit" (and "Remove" where it may be removed): a refused form is shown again over the item as saved,
/// beside both versions when someone else saved the item since the form was opened.
/// </summary>
public abstract class VersionedEditorPageModel<TItem, TForm>(TimeProvider time) : ItemEditorPageModel(time)
    where TItem : class, IVersioned
    where TForm : class, IVersionedForm, new()
{
    public const string EditForm = "Edit";
    public const string RemoveForm = "Remove";

    public TForm Input { get; protected set; } = new();
    public Conflict? Conflict { get; private set; }

    /// <summary>The item as <see cref="ItemEditorPageModel.LoadAsync"/> read it.</summary>
    protected abstract TItem Saved { get; }

    /// <summary>The saved and the typed version, field by field.</summary>
    protected abstract IEnumerable<ConflictRow> ConflictRows(TItem saved, TForm typed);

    public Task<IActionResult> OnGetAsync(int id) => PageAsync(id);

    /// <summary>
    /// Shows the form again with its messages; when it had none and the item changed since the form was opened, with
    /// both versions, the form now based on the saved one: a second press, after reading both, is a deliberate choice.
    /// </summary>
    protected async Task<IActionResult> RefuseAsync(int id, TForm typed, Problems problems)
    {
        var page = await ShowAgainAsync(id, EditForm, problems, () => Input = typed);
        if (page is PageResult && !problems.Any && Saved.Version != typed.Version)
        {
            Conflict = Shared.Conflict.From(await LastChange.OfAsync<TItem>(Db, id), [.. ConflictRows(Saved, typed)]);
            typed.Version = Saved.Version;
        }
        return page;
    }

    /// <summary>Saves the edit (its history already recorded) unless someone saved the item since its form was opened.</summary>
    protected async Task<IActionResult> SaveAsync(int id, TItem item, TForm typed, Func<IActionResult> done)
    {
        Db.Expect(item, typed.Version);
        return await TrySaveAsync() ? done() : await RefuseAsync(id, typed, new Problems());
    }
}
