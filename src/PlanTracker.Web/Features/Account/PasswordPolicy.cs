using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace PlanTracker.Web.Features.Account;

/// <summary>
/// Length over composition (NIST SP 800-63B): at least <see cref="MinimumLength"/> characters, no required digit or
/// case, and refused when it is a known common or breached password, the user's own e-mail name, or one character
/// repeated. Identity runs it wherever a password is set: the account page, the admin page, `users create`, setup.
/// </summary>
public sealed class PasswordPolicy : IPasswordValidator<AppUser>
{
    public const int MinimumLength = 12;

    private static readonly Lazy<FrozenSet<string>> Common = new(LoadCommon);

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success); // the length rule says so
        var errors = new List<IdentityError>();
        if (password.Distinct().Count() == 1)
            errors.Add(new() { Code = "PasswordRepeated", Description = "Mật khẩu không được chỉ lặp lại một ký tự." });
        else if (IsCommon(password))
            errors.Add(new() { Code = "PasswordCommon", Description = "Mật khẩu này quá phổ biến hoặc đã bị lộ; hãy chọn mật khẩu khác." });
        // Names of three letters or fewer ("le", "vu") would refuse too many honest passwords.
        var name = (user.Email ?? user.UserName ?? "").Split('@')[0];
        if (name.Length >= 4 && password.Contains(name, StringComparison.OrdinalIgnoreCase))
            errors.Add(new() { Code = "PasswordContainsEmail", Description = "Mật khẩu không được chứa tên thư điện tử của bạn." });
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private static FrozenSet<string> LoadCommon()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("PlanTracker.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded in the build.");
        using var reader = new StreamReader(stream);
        var passwords = new List<string>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && !line.StartsWith('#')) passwords.Add(line);
        return passwords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
