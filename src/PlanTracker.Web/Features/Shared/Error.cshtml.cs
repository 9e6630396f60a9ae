using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;

namespace PlanTracker.Web.Features.Shared;

/// <summary>
/// The Vietnamese error page, for status codes and for exceptions. It reads nothing from the database, so that
/// it still answers while the database is down (503 then, with its own message).
/// </summary>
[IgnoreAntiforgeryToken]
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Đã xảy ra lỗi";
    public string Message { get; private set; } = "Hệ thống gặp sự cố khi xử lý yêu cầu. Vui lòng thử lại sau.";
    /// <summary>The failed request was for a public page: answered in the public frame, which links nowhere outside /public.</summary>
    public bool IsPublic { get; private set; }

    public void OnGet() => Describe();
    public void OnPost() => Describe();

    /// <summary>
    /// The status comes from the request the app re-executed here, never from ?code=: a caller could otherwise make the
    /// page answer any status it likes. Visited directly, the page is not found.
    /// </summary>
    private void Describe()
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var code = reExecuted?.OriginalStatusCode;
        IsPublic = new PathString(reExecuted?.OriginalPath ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path)
            .StartsWithSegments("/public", StringComparison.OrdinalIgnoreCase);
        if (reExecuted is null && HttpContext.Features.Get<IExceptionHandlerFeature>() is null) code = StatusCodes.Status404NotFound;
        if (code is null && IsDatabaseOutage(HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error))
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "30";
            (Title, Message) = ("Tạm thời không truy cập được dữ liệu",
                "Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Dữ liệu đã lưu không bị mất; vui lòng thử lại sau ít phút.");
            return;
        }
        if (code is { } status) Response.StatusCode = status;
        (Title, Message) = code switch
        {
            404 when IsPublic => ("Không tìm thấy trang", "Trang bạn tìm không tồn tại, hoặc kế hoạch chưa được công khai tiến độ."),
            404 => ("Không tìm thấy trang", "Trang hoặc mục bạn tìm không tồn tại hoặc đã bị gỡ bỏ."),
            403 when PlanLifecycle.RefusalMessage(HttpContext) is { } refusal => ("Không thể chỉnh sửa", refusal),
            403 => ("Không có quyền", "Tài khoản của bạn không được phép thực hiện thao tác này."),
            413 => ("Tệp quá lớn", "Dữ liệu gửi lên vượt quá giới hạn cho phép. Hãy chọn tệp nhỏ hơn."),
            400 => ("Yêu cầu không hợp lệ", "Dữ liệu gửi lên không hợp lệ. Vui lòng kiểm tra và thử lại."),
            _ => (Title, Message),
        };
    }

    /// <summary>
    /// The database could not be reached: the SQLite file unreadable, gone, full or locked past the busy timeout,
    /// or no answer from the PostgreSQL server. A query's own error (a constraint, a bug) stays a 500.
    /// </summary>
    private static bool IsDatabaseOutage(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // SQLITE_BUSY, LOCKED, READONLY, IOERR, FULL, CANTOPEN, NOTADB
                case SqliteException sqlite:
                    return sqlite.SqliteErrorCode is 5 or 6 or 8 or 10 or 13 or 14 or 26;
                case Npgsql.PostgresException postgres:
                    return postgres.IsTransient || postgres.SqlState is "3D000" or "55000"; // no such database, not accepting connections
                case Npgsql.NpgsqlException: // no connection, or it broke
                    return true;
            }
        }
        return false;
    }
}
