using Microsoft.AspNetCore.Identity;

namespace PlanTracker.Web.Infrastructure;

/// <summary>Identity's errors, said in Vietnamese for the people who see them.</summary>
public static class IdentityMessages
{
    public static string Vietnamese(IdentityError error) => error.Code switch
    {
        "PasswordTooShort" => $"Mật khẩu phải có ít nhất {Features.Account.PasswordPolicy.MinimumLength} ký tự.",
        "PasswordRequiresDigit" => "Mật khẩu phải có ít nhất một chữ số.",
        "PasswordRequiresLower" => "Mật khẩu phải có ít nhất một chữ thường.",
        "PasswordRequiresUniqueChars" => "Mật khẩu cần nhiều ký tự khác nhau hơn.",
        "PasswordMismatch" => "Mật khẩu hiện tại không đúng.",
        "DuplicateEmail" or "DuplicateUserName" => "Thư điện tử này đã có tài khoản.",
        "InvalidEmail" or "InvalidUserName" => "Thư điện tử không hợp lệ.",
        _ => error.Description,
    };
}
