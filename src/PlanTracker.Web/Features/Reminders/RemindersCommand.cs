using System.CommandLine;
using PlanTracker.Core.Reminders;
using PlanTracker.Web.Commands;

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
        await services.InitializeDatabaseAsync(StartupWork.Seed);
        var runner = services.GetRequiredService<ReminderRunner>();
        Print(await runner.CheckScheduleAsync());
        Print(await runner.PreviewAsync(), withBodies: true);
        Print(await services.GetRequiredService<OutboxDispatcher>().CountAsync());
        return 0;
    }

    private static async Task<int> RunAsync(IServiceProvider services)
    {
        await services.InitializeDatabaseAsync(StartupWork.Seed);
        var runner = services.GetRequiredService<ReminderRunner>();
        Print(await runner.CheckScheduleAsync());
        var result = await runner.RunAsync(RunTrigger.CommandLine, "Dòng lệnh");
        Print(result.Plan, withBodies: false);
        if (result.Dispatch is not { } d) return 0;
        Console.WriteLine($"Dispatch: {d.Sent} sent, {d.Failed} failed, {d.Dead} now dead" +
            (d.ClaimsLost > 0 ? $", {d.ClaimsLost} skipped (another dispatcher took them over)." : "."));
        if (d.Outbox is { } outbox) Print(outbox);
        if (!d.AnyFailed) return 0;
        // Exit 1 whenever a message failed or died, not only when the server was unreachable: cron and CI see it.
        Console.Error.WriteLine(d.Problem is null
            ? "Mail failed: failed messages wait in the outbox for a retry; dead ones wait on /admin/reminders."
            : $"Mail problem: {d.Problem}. Failed messages stay in the outbox and are retried by the next dispatch.");
        return 1;
    }

    private static void Print(ScheduleWarnings warnings)
    {
        foreach (var warning in warnings.English())
            Console.WriteLine($"Warning: {warning}");
    }

    /// <summary>What still waits, so that a run that sent little says why (claims held elsewhere, dead mail).</summary>
    private static void Print(OutboxCounts outbox)
    {
        Console.WriteLine($"Outbox: {outbox.Pending} pending, {outbox.Claimed} claimed by a dispatcher, {outbox.Dead} dead.");
        if (outbox.ClaimedUntilUtc is { } until)
            Console.WriteLine($"  The claimed messages are being sent by another dispatcher, or were left by one that stopped; " +
                $"such claims expire by {until:yyyy-MM-dd HH:mm:ss} UTC and are sent then.");
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
