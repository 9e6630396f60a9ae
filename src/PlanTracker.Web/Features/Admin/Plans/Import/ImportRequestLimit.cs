using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;

namespace PlanTracker.Web.Features.Admin.Plans.Import;

/// <summary>
/// The request size limit of the upload, from Import:MaxFileMegabytes plus 1 MB for the form around the file. An
/// authorization filter ordered before the anti-forgery check (1000), which reads the form: a body announced larger
/// is answered 413 without being read, and the status page says so in Vietnamese; a chunked body is cut at the limit.
/// A file between the app's limit and this one reaches the page, which says how large a file may be.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ImportRequestLimitAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public int Order => 900;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var limit = ImportLimits.MaxBytes(http.RequestServices.GetRequiredService<IConfiguration>()) + 1024 * 1024;
        if (http.Request.ContentLength > limit)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
    }
}
