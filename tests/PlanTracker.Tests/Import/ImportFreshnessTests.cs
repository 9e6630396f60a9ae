using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.Data;
using PlanTracker.Core.Import;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Import;

/// <summary>
/// A plan imported (`import`, another process) while the server runs: its last step and a failed import's cleanup write
/// with ExecuteUpdate and ExecuteDelete, past the save that raises the count stamp. A unit's calendar feed fetched
/// while the import runs is kept under the stamp; the fetch after the import must show the plan as it now is.
/// </summary>
public class ImportFreshnessTests(ImportFreshnessTests.Host host) : IClassFixture<ImportFreshnessTests.Host>
{
    public sealed class Host : PlanTrackerFactory
    {
        public Host() => Settings["Clock:Today"] = "2019-10-01";
    }

    private const string Refused = "Sản phẩm bị từ chối";

    /// <summary>Two task families led by Sở Tư pháp, so that with one task a chunk the first commits before the second is written.</summary>
    private static string PlanFile(string number, string lastProduct = "Báo cáo") => $$"""
        { "plan": { "number": "{{number}}", "title": "Kế hoạch nhập khi máy chủ đang chạy", "year": 2019, "issuedOn": "2018-12-28" },
          "sections": [ { "number": 1, "title": "Cải cách thể chế", "tasks": [
            { "code": "1.a", "activity": "Rà soát văn bản", "leadUnits": ["Sở Tư pháp"], "deliverables": [ { "product": "Sản phẩm nhập thử", "deadline": "Quý I năm 2019" } ] },
            { "code": "1.b", "activity": "Kiểm tra văn bản", "leadUnits": ["Sở Tư pháp"], "deliverables": [ { "product": "{{lastProduct}}", "deadline": "Quý II năm 2019" } ] } ] } ] }
        """;

    private Task<string> UnitSecretAsync(string unitCode) => PausedImport.UnitFeedSecretAsync(host, unitCode);

    private Task<List<string>> FeedDescriptionsAsync(string secret) => PausedImport.FeedDescriptionsAsync(host, secret);

    private Task<ImportResult> ImportAsync(string json, string marker, Func<Task> hook) => PausedImport.ImportAsync(host, json, marker, hook);

    [Fact]
    public async Task A_unit_feed_fetched_while_a_plan_is_imported_shows_the_plan_at_the_next_fetch()
    {
        var secret = await UnitSecretAsync("STP");
        List<string>? during = null;

        // Just before the last step gives the staged plan its number and brings its sections back.
        var result = await ImportAsync(PlanFile("71/KH-UBND"), PausedImport.BeforeLastStep, async () => during = await FeedDescriptionsAsync(secret));

        Assert.Equal(ImportOutcome.Imported, result.Outcome);
        Assert.NotNull(during);
        Assert.DoesNotContain(during, d => d.Contains("Sản phẩm nhập thử", StringComparison.Ordinal)); // its sections are not back yet
        var after = await FeedDescriptionsAsync(secret);
        Assert.Contains(after, d => d.Contains("Kế hoạch: 71/KH-UBND", StringComparison.Ordinal) && d.Contains("Sản phẩm nhập thử", StringComparison.Ordinal));
        Assert.DoesNotContain(after, d => d.Contains(PlanImporter.StagingPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_unit_feed_fetched_while_an_import_fails_shows_nothing_of_it_at_the_next_fetch()
    {
        var secret = await UnitSecretAsync("STP");
        await using (var db = host.NewDbContext())
        {
            if (TestProvider.IsPostgres)
                await db.Database.ExecuteSqlRawAsync("""
                    CREATE FUNCTION refuse_product() RETURNS trigger AS $$
                    BEGIN IF NEW."Product" = 'Sản phẩm bị từ chối' THEN RAISE EXCEPTION 'fault injected at the last chunk'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;
                    CREATE TRIGGER refuse_product BEFORE INSERT ON "Deliverables" FOR EACH ROW EXECUTE FUNCTION refuse_product();
                    """);
            else
                await db.Database.ExecuteSqlRawAsync("""
                    CREATE TRIGGER refuse_product BEFORE INSERT ON "Deliverables" WHEN NEW."Product" = 'Sản phẩm bị từ chối'
                    BEGIN SELECT RAISE(ABORT, 'fault injected at the last chunk'); END;
                    """);
        }
        List<string>? during = null;

        // Task 1.a's chunk has committed, 1.b's was refused: just before the cleanup deletes the staged tasks.
        await Assert.ThrowsAsync<ImportException>(() => ImportAsync(PlanFile("72/KH-UBND", Refused), "DELETE FROM \"Tasks\"",
            async () => during = await FeedDescriptionsAsync(secret)));

        Assert.NotNull(during);
        Assert.DoesNotContain(during, d => d.Contains(PlanImporter.StagingPrefix, StringComparison.Ordinal)); // a staged plan owes no reports
        await using (var db = host.NewDbContext())
            Assert.False(await db.Plans.AnyAsync(p => p.Number.StartsWith(PlanImporter.StagingPrefix)));
        Assert.DoesNotContain(await FeedDescriptionsAsync(secret), d => d.Contains(PlanImporter.StagingPrefix, StringComparison.Ordinal));
    }
}
