using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PlanTracker.Web.Features.Shared;

[IgnoreAntiforgeryToken]
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Đã xảy ra lỗi";
    public string Message { get; private set; } = "Hệ thống gặp sự cố khi xử lý yêu cầu. Vui lòng thử lại sau.";

    public void OnGet(int? code) => Describe(code);
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        if (code is { } status) Response.StatusCode = status;
        (Title, Message) = code switch
        {
            404 => ("Không tìm thấy trang", "Trang hoặc mục bạn tìm không tồn tại hoặc đã bị gỡ bỏ."),
            403 => ("Không có quyền", "Tài khoản của bạn không được phép thực hiện thao tác này."),
            413 => ("Tệp quá lớn", "Dữ liệu gửi lên vượt quá giới hạn cho phép. Hãy chọn tệp nhỏ hơn."),
            400 => ("Yêu cầu không hợp lệ", "Dữ liệu gửi lên không hợp lệ. Vui lòng kiểm tra và thử lại."),
            _ => (Title, Message),
        };
    }
}
