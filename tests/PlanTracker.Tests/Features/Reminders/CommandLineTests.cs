using MimeKit;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Reminders;

/// <summary>`reminders run` and `reminders preview`, run as the operator runs them: a separate process that exits.</summary>
public class CommandLineTests
{
    [Fact]
    public async Task Reminders_run_plans_and_dispatches_once_honouring_Clock_Today_then_exits()
    {
        using var folder = new TempFolder();
        var mail = folder.File("mail");

        var preview = await RunAsync(folder, "preview");
        Assert.Equal(0, preview.ExitCode);
        Assert.Contains("Reminders for 01/04/2019", preview.Output);
        Assert.Contains("Kính gửi Sở Tư pháp", preview.Output);
        Assert.False(Directory.Exists(mail) && Directory.GetFiles(mail).Length > 0);

        var run = await RunAsync(folder, "run");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Dispatch: ", run.Output);
        var files = Directory.GetFiles(mail, "*.eml");
        Assert.NotEmpty(files);
        Assert.Contains(files, f => MimeMessage.Load(f).Subject == "Nhắc việc CCHC ngày 01/04/2019 – Sở Tư pháp: 4 việc quá hạn");

        var again = await RunAsync(folder, "run");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("planned already", again.Output);
        Assert.Equal(files.Length, Directory.GetFiles(mail, "*.eml").Length);
    }

    [Fact]
    public async Task Reminders_preview_warns_when_the_holiday_list_misses_the_year()
    {
        using var folder = new TempFolder();

        var preview = await RunAsync(folder, "preview", today: "2027-01-04");

        Assert.Equal(0, preview.ExitCode);
        Assert.Contains("Warning: The holiday list (Calendar:Holidays) has no entry for 2027", preview.Output);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(TempFolder folder, string verb, string today = "2019-04-01")
    {
        var result = await AppProcess.RunAsync(AppProcess.Environment(folder, seed: null, today), null, "reminders", verb);
        return (result.ExitCode, result.Output + result.Error);
    }
}
