using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Accounts;
using PlanTracker.Tests.Support;
using PlanTracker.Web.Commands;

namespace PlanTracker.Tests.Commands;

/// <summary>`backup` while editors save, and `restore` into an empty data folder: nothing acknowledged before the backup is lost.</summary>
public class BackupCommandTests
{
    private sealed class Host : PlanTrackerFactory
    {
        public Host() => Settings["Clock:Today"] = "2019-10-01";
    }

    private static byte[] Pdf(int save) => System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% save {save}\n%%EOF\n");

    /// <summary>One progress save of the STP's report on 1.a, with a result text and an evidence file that name the save.</summary>
    private static async Task<bool> SaveAsync(HttpClient client, int deliverableId, int unitId, int save)
    {
        var url = $"/deliverables/{deliverableId}/progress?unit={unitId}&period=";
        var page = await client.GetStringAsync(url);
        var form = new MultipartFormDataContent
        {
            { new StringContent(FormPosting.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(unitId.ToString(CultureInfo.InvariantCulture)), "Unit" },
            { new StringContent(""), "Period" },
            { new StringContent(PageText.InputValue(page, "Input.Version")), "Input.Version" },
            { new StringContent("InProgress"), "Input.Status" },
            { new StringContent((save % 100).ToString(CultureInfo.InvariantCulture)), "Input.ProgressPercent" },
            { new StringContent($"Ket qua lan {save}"), "Input.ResultText" },
        };
        var file = new ByteArrayContent(Pdf(save));
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/pdf");
        form.Add(file, "Files", $"bang-chung-{save}.pdf");
        var response = await client.PostAsync(url, form);
        return response.StatusCode == HttpStatusCode.Redirect;
    }

    [SqliteFact]
    public async Task A_backup_taken_during_a_burst_of_saves_restores_every_save_acknowledged_before_it()
    {
        using var host = new Host();
        var (_, deliverableId) = await host.DeliverableAsync("1.a", 1);
        var stp = await host.UnitIdAsync("STP");
        var client = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        var acknowledged = new ConcurrentQueue<int>();
        using var stop = new CancellationTokenSource();
        var burst = Task.Run(async () =>
        {
            for (var save = 1; !stop.IsCancellationRequested; save++)
                if (await SaveAsync(client, deliverableId, stp, save))
                    acknowledged.Enqueue(save);
        });
        while (acknowledged.Count < 5) await Task.Delay(10);

        var before = acknowledged.ToList();
        var archive = host.Folder.File("backups/plantracker.zip");
        var code = await BackupCommand.BackupAsync(host.Services, archive);
        var afterBackup = acknowledged.Count;
        while (acknowledged.Count < afterBackup + 3) await Task.Delay(10); // the burst went on through the backup
        await stop.CancelAsync();
        await burst;
        Assert.Equal(0, code);

        using var restored = new Host();
        var restoredSettings = new ConfigurationBuilder().AddInMemoryCollection(restored.Settings).Build();
        Assert.Equal(0, await BackupCommand.RestoreAsync(restoredSettings, archive));

        await using var db = restored.NewDbContext(); // starts on the restored folder
        var history = await db.ChangeRecords.Where(c => c.EntityId == deliverableId && c.Action == "ProgressUpdated")
            .Select(c => c.AfterJson).ToListAsync();
        var files = await db.Attachments.Where(a => a.DeliverableId == deliverableId && a.UnitId == stp).ToListAsync();
        foreach (var save in before)
        {
            Assert.Contains(history, json => json != null && json.Contains($"\"Ket qua lan {save}\"", StringComparison.Ordinal));
            var file = Assert.Single(files, a => a.FileName == $"bang-chung-{save}.pdf");
            Assert.Equal(Pdf(save), await File.ReadAllBytesAsync(Path.Combine(restored.Settings["Attachments:Directory"]!, file.StoredName)));
        }
        var record = await db.Progress.SingleAsync(p => p.DeliverableId == deliverableId && p.UnitId == stp);
        Assert.True(record.Version >= before.Count);
    }

    [SqliteFact]
    public async Task Restore_refuses_a_folder_that_already_holds_a_database_or_attachments()
    {
        using var host = new Host();
        await using (host.NewDbContext()) { }
        var archive = host.Folder.File("plantracker.zip");
        Assert.Equal(0, await BackupCommand.BackupAsync(host.Services, archive));

        using var target = new TempFolder();
        Directory.CreateDirectory(target.File("attachments"));
        target.Write("attachments/left-over.pdf", "%PDF");
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:PlanTracker"] = $"Data Source={target.File("plantracker.db")}",
            ["Attachments:Directory"] = target.File("attachments"),
        }).Build();
        Assert.Equal(1, await BackupCommand.RestoreAsync(settings, archive));
        Assert.False(File.Exists(target.File("plantracker.db")));

        File.Delete(target.File("attachments/left-over.pdf"));
        target.Write("plantracker.db", "");
        Assert.Equal(1, await BackupCommand.RestoreAsync(settings, archive));
        Assert.Equal(0, new FileInfo(target.File("plantracker.db")).Length);
    }

    [Fact]
    public async Task Backup_on_postgres_points_to_the_readme_instead()
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(
                new Dictionary<string, string?> { ["Database:Provider"] = "Postgres" }).Build())
            .AddSingleton(TimeProvider.System).BuildServiceProvider();
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(1, await BackupCommand.BackupAsync(services, Path.Combine(Path.GetTempPath(), "never-written.zip")));
        }
        finally
        {
            Console.SetError(original);
        }
        Assert.Contains("pg_dump", error.ToString());
    }
}
