using Microsoft.AspNetCore.Identity;
using PlanTracker.Core.History;
using PlanTracker.Core.Import;

namespace PlanTracker.Web.Features.Admin;

/// <summary>Account operations shared by the admin pages and the `users` command; each is recorded in history.</summary>
public sealed class UserAccounts(PlanTrackerDbContext db, UserManager<AppUser> users, TimeProvider time, SecurityLog securityLog)
{
    public sealed record Outcome(bool Succeeded, IReadOnlyList<string> Errors, AppUser? User = null)
    {
        public static Outcome Fail(params string[] errors) => new(false, errors);
    }

    /// <summary>Finds a unit by its code, its name or any alias the plans use.</summary>
    public async Task<int?> FindUnitAsync(string nameOrCode)
    {
        var code = nameOrCode.Trim();
        var byCode = await db.Units.Where(u => u.Code == code).Select(u => (int?)u.Id).FirstOrDefaultAsync();
        if (byCode is not null) return byCode;
        var directory = await UnitDirectory.LoadAsync(db);
        return directory.TryFind(nameOrCode, out var unitId, out _) ? unitId : null;
    }

    public async Task<Outcome> CreateAsync(Actor actor, string email, string displayName, string role, int? unitId, string password)
    {
        if (!Roles.All.Contains(role)) return Outcome.Fail($"Vai trò '{role}' không tồn tại.");
        if (role == Roles.UnitEditor && unitId is null) return Outcome.Fail("Cán bộ đơn vị phải thuộc một đơn vị.");
        if (unitId is { } id && !await db.Units.AnyAsync(u => u.Id == id)) return Outcome.Fail("Đơn vị không tồn tại.");

        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = new AppUser
        {
            UserName = email.Trim(), Email = email.Trim(), DisplayName = displayName.Trim(),
            UnitId = role == Roles.UnitEditor ? unitId : null, CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            MustChangePassword = true, // the admin knows this password: the person sets their own at first sign-in
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return new(false, created.Errors.Select(IdentityMessages.Vietnamese).ToList());
        await users.AddToRoleAsync(user, role);
        db.Record(actor, time.GetUtcNow().UtcDateTime, ChangeKind.UserCreated, 0,
            $"Tạo tài khoản {user.Email} ({Roles.Label(role)})", after: new { user.Email, user.DisplayName, Role = role, user.UnitId });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await securityLog.RecordAsync(SecurityEventKinds.AccountCreated, user.Id, user.Email, $"{Roles.Label(role)}, bởi {actor.Name}");
        return new(true, [], user);
    }

    public async Task<Outcome> SetDisabledAsync(Actor actor, string userId, bool disabled)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return Outcome.Fail("Tài khoản không tồn tại.");
        if (disabled && user.Id == actor.UserId) return Outcome.Fail("Không thể tự khóa tài khoản của chính mình.");
        user.IsDisabled = disabled;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user); // ends open sessions
        db.Record(actor, time.GetUtcNow().UtcDateTime, disabled ? ChangeKind.UserDisabled : ChangeKind.UserEnabled, 0,
            $"{(disabled ? "Khóa" : "Mở khóa")} tài khoản {user.Email}");
        await db.SaveChangesAsync();
        await securityLog.RecordAsync(disabled ? SecurityEventKinds.AccountDisabled : SecurityEventKinds.AccountChanged, user.Id, user.Email,
            $"{(disabled ? "Khóa" : "Mở khóa")}, bởi {actor.Name}");
        return new(true, [], user);
    }

    /// <summary>
    /// Sets a new password chosen by the admin, to hand over to the person, who sets their own at the next sign-in;
    /// their open sessions end.
    /// </summary>
    public async Task<Outcome> ResetPasswordAsync(Actor actor, string userId, string newPassword)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return Outcome.Fail("Tài khoản không tồn tại.");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        user.MustChangePassword = true; // saved with the new password
        var reset = await users.ResetPasswordAsync(user, token, newPassword);
        if (!reset.Succeeded) return new(false, reset.Errors.Select(IdentityMessages.Vietnamese).ToList());
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        db.Record(actor, time.GetUtcNow().UtcDateTime, ChangeKind.PasswordReset, 0, $"Đặt lại mật khẩu cho {user.Email}");
        await db.SaveChangesAsync();
        await securityLog.RecordAsync(SecurityEventKinds.PasswordReset, user.Id, user.Email, $"bởi {actor.Name}");
        return new(true, [], user);
    }

    /// <summary>
    /// Removes the account's link to a subject at the single sign-on provider, e.g. when the person's provider account
    /// was given to someone else. Its open sessions end (Identity changes the security stamp); the next sign-in through
    /// the provider links again, by the e-mail the provider has verified.
    /// </summary>
    public async Task<Outcome> UnlinkLoginAsync(Actor actor, string userId, string loginProvider, string providerKey)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return Outcome.Fail("Tài khoản không tồn tại.");
        var login = (await users.GetLoginsAsync(user)).FirstOrDefault(l => l.LoginProvider == loginProvider && l.ProviderKey == providerKey);
        if (login is null) return Outcome.Fail("Tài khoản này không có liên kết đăng nhập một lần đó.");
        var removed = await users.RemoveLoginAsync(user, loginProvider, providerKey);
        if (!removed.Succeeded) return new(false, removed.Errors.Select(IdentityMessages.Vietnamese).ToList());
        await securityLog.RecordAsync(SecurityEventKinds.LoginUnlinked, user.Id, user.Email,
            $"{login.ProviderDisplayName ?? loginProvider}: {providerKey}, bởi {actor.Name}");
        return new(true, [], user);
    }
}
