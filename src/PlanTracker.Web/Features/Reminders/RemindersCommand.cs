using System.CommandLine;
using PlanTracker.Core.Reminders;
using PlanTracker.Web.Commands;
using PlanTracker.Web.Infrastructure;

namespace PlanTracker.Web.Features.Reminders;

/// <summary>
/// `reminders run`: plans today's reminders (today honours Clock__Today), sends the outbox once, exits.
/// `reminders preview`: prints what a run would send and writes nothing.
/// </summary>
public static class RemindersCommand
{
    public static Command Create()
    {
        var run = new Command("run", "Plan today's reminder e-mails (today honours Clock__Today), send the outbox once, exit. "
            + "Exit code 1 when mail failed: the failed messages stay in the outbox for the next dispatch.");
        run.SetAppAction((_, services) => RunAsync(services));
        var preview = new Command("preview", "Print what a reminder run would send today, without writing or sending.");
        preview.SetAppAction((_, services) => PreviewAsync(services));
        return new Command("reminders", "Today's reminder e-mails, outside the schedule.") { run, preview };
    }

    private static async Task<int> PreviewAsync(IServiceProvider services)
    {
        await services.InitializeDatabaseAsync();
        Print(await services.GetRequiredService<ReminderRunner>().PreviewAsync(), withBodies: true);
        return 0;
    }

    private static async Task<int> RunAsync(IServiceProvider services)
    {
        await services.InitializeDatabaseAsync();
        var result = await services.GetRequiredService<ReminderRunner>().RunAsync(RunTrigger.CommandLine, "Dòng lệnh");
        Print(result.Plan, withBodies: false);
        if (result.Dispatch is { } d)
        {
            Console.WriteLine($"Dispatch: {d.Sent} sent, {d.Failed} failed, {d.Dead} now dead.");
            if (d.Problem is not null)
            {
                Console.Error.WriteLine($"Mail problem: {d.Problem}. Failed messages stay in the outbox and are retried by the next dispatch.");
                return 1;
            }
        }
        return 0;
    }

    private static void Print(ReminderPlan plan, bool withBodies)
    {
        if (plan.AlreadyCovered)
        {
            Console.WriteLine($"Reminders up to {DigestWriter.Date(plan.CoveredFrom.AddDays(-1))} are planned already; nothing new for {DigestWriter.Date(plan.Today)}.");
            return;
        }
        Console.WriteLine($"Reminders for {DigestWriter.Date(plan.Today)} (occurrences from {DigestWriter.Date(plan.CoveredFrom)}): " +
            $"{plan.Digests.Count} messages, {plan.LineCount} items.");
        foreach (var digest in plan.Digests)
        {
            Console.WriteLine($"- {digest.UnitName}: {digest.Lines.Count} items to {string.Join(", ", digest.Recipients)}");
            Console.WriteLine($"  Subject: {digest.Subject}");
            if (withBodies) Console.WriteLine(Indent(digest.Text));
        }
        foreach (var (_, name, lines) in plan.UnitsWithoutAddress)
            Console.WriteLine($"! {name}: {lines} items but no e-mail address and no opted-in user; nothing planned.");
    }

    private static string Indent(string text) => "    " + text.TrimEnd().ReplaceLineEndings(Environment.NewLine + "    ");
}
