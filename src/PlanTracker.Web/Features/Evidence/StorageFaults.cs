using System.Data.Common;

namespace PlanTracker.Web.Features.Evidence;

/// <summary>What to tell the user when a save with files fails for want of disk or database, in Vietnamese.</summary>
public static class StorageFaults
{
    public const string DiskFull = "Không đủ dung lượng lưu trữ: máy chủ đã hết dung lượng lưu trữ nên chưa lưu được. "
        + "Không tệp nào được giữ lại và nội dung bạn nhập vẫn còn dưới đây. Hãy báo quản trị viên, sau đó chọn lại tệp đính kèm và lưu lại.";

    public const string DatabaseRefused = "Cơ sở dữ liệu đang bận hoặc không cho ghi nên chưa lưu được. "
        + "Không tệp nào được giữ lại và nội dung bạn nhập vẫn còn dưới đây. Hãy thử lại sau ít phút (chọn lại tệp đính kèm nếu có).";

    public const string FileNotWritten = "Không ghi được tệp đính kèm lên máy chủ nên chưa lưu được. "
        + "Nội dung bạn nhập vẫn còn dưới đây. Hãy báo quản trị viên, sau đó chọn lại tệp đính kèm và lưu lại.";

    // ENOSPC on Linux and macOS; ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL as HRESULTs on Windows.
    private static readonly int[] DiskFullCodes = [28, unchecked((int)0x80070070), unchecked((int)0x80070027)];

    public static bool IsDiskFull(Exception e) => e is IOException && DiskFullCodes.Contains(e.HResult);

    public static bool IsDatabaseFault(Exception e) =>
        e is DbUpdateException and not DbUpdateConcurrencyException
        || e is DbException
        || e.InnerException is DbException;

    /// <summary>The user's message for a disk or database fault; null for anything else (a bug: let it surface).</summary>
    public static string? Describe(Exception e) =>
        IsDiskFull(e) ? DiskFull
        : IsDatabaseFault(e) ? DatabaseRefused
        : e is IOException or UnauthorizedAccessException ? FileNotWritten
        : null;

    /// <summary>507 Insufficient Storage for a full disk, 503 when the database or the folder refused the save.</summary>
    public static int StatusCode(Exception e) => IsDiskFull(e) ? StatusCodes.Status507InsufficientStorage : StatusCodes.Status503ServiceUnavailable;
}
