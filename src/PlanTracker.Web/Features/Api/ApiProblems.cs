using Microsoft.AspNetCore.Http.HttpResults;

namespace PlanTracker.Web.Features.Api;

/// <summary>
/// Every failure under /api as RFC 9457 problem details, its title and detail in Vietnamese, or in English when the
/// request's Accept-Language prefers it. Answers left without a body (401 from the cookie, 404 of no route, 415, 429,
/// a refused binding) get theirs here, before the pages' status-code page could turn them into HTML.
/// </summary>
public static class ApiProblems
{
    public const string PathPrefix = "/api";

    private static readonly Dictionary<int, (string Vi, string En, string ViDetail, string EnDetail)> Texts = new()
    {
        [400] = ("Yêu cầu không hợp lệ", "The request is not valid", "Dữ liệu gửi lên không hợp lệ.", "The data sent is not valid."),
        [401] = ("Chưa đăng nhập", "Not signed in", "Đăng nhập hoặc gửi mã truy cập để dùng API.", "Sign in or send an access token to use the API."),
        [403] = ("Không có quyền", "Forbidden", "Tài khoản của bạn không được làm việc này.", "Your account may not do this."),
        [404] = ("Không tìm thấy", "Not found", "Không có mục này, hoặc bạn không được xem.", "There is no such item, or you may not see it."),
        [405] = ("Phương thức không được hỗ trợ", "Method not allowed", "Địa chỉ này không nhận phương thức đó.", "This address does not take that method."),
        [409] = ("Xung đột phiên bản", "Version conflict", "Người khác đã lưu mục này sau khi bạn đọc nó.", "Someone saved this item after you read it."),
        [415] = ("Kiểu nội dung không được hỗ trợ", "Unsupported media type", "Gửi nội dung dạng application/json.", "Send the body as application/json."),
        [429] = ("Quá nhiều yêu cầu", "Too many requests", "Vui lòng thử lại sau ít phút.", "Please try again in a few minutes."),
        [500] = ("Lỗi máy chủ", "Server error", "Máy chủ gặp lỗi; lỗi đã được ghi lại.", "The server failed; the error has been logged."),
    };

    public static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the request prefers English: its first language by quality is English (Vietnamese otherwise, and by default).</summary>
    public static bool PrefersEnglish(HttpContext http)
    {
        var first = http.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value ?? "")
            .FirstOrDefault(l => l.StartsWith("en", StringComparison.OrdinalIgnoreCase) || l.StartsWith("vi", StringComparison.OrdinalIgnoreCase));
        return first?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;
    }

    /// <summary>
    /// Gives a problem the status's title in the request's language (under /api/v1, over ASP.NET Core's English default;
    /// elsewhere only when it has none), and that detail when it has none.
    /// </summary>
    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (!Texts.TryGetValue(status, out var text)) return;
        var english = PrefersEnglish(context.HttpContext);
        if (problem.Title is null || context.HttpContext.Request.Path.StartsWithSegments(ApiSetup.Prefix, StringComparison.OrdinalIgnoreCase))
            problem.Title = english ? text.En : text.Vi;
        problem.Detail ??= english ? text.EnDetail : text.ViDetail;
        context.HttpContext.Response.Headers.ContentLanguage = english ? "en" : "vi";
    }

    /// <summary>A problem with a detail in both languages (the request's is sent) and any extra members.</summary>
    public static ProblemHttpResult Of(HttpContext http, int status, string vietnamese, string english,
        IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: PrefersEnglish(http) ? english : vietnamese, statusCode: status, extensions: extensions);

    public static ProblemHttpResult NotFound(HttpContext http) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Forbidden(HttpContext http, string? vietnamese = null, string? english = null) =>
        vietnamese is null ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden)
            : Of(http, StatusCodes.Status403Forbidden, vietnamese, english ?? vietnamese);

    /// <summary>400 with the field messages (RFC 9457's "errors" member as ASP.NET Core writes it), each in the request's language.</summary>
    public static ProblemHttpResult Invalid(HttpContext http, IEnumerable<(string Field, string Vietnamese, string English)> errors)
    {
        var english = PrefersEnglish(http);
        var byField = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => english ? e.English : e.Vietnamese).ToArray());
        return TypedResults.Problem(new HttpValidationProblemDetails(byField) { Status = StatusCodes.Status400BadRequest });
    }

    /// <summary>
    /// Writes the problem of an /api answer that would otherwise go out empty (or as the HTML error page), and turns an
    /// unhandled exception into a 500 problem. Sits inside the pages' status-code and exception pages, around
    /// authentication, rate limiting and the endpoints.
    /// </summary>
    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!IsApi(context))
        {
            await next(context);
            return;
        }
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiProblems).FullName!)
                .LogError(e, "API request {Method} {Path} failed", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
        var response = context.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = response.StatusCode },
            });
    });
}
