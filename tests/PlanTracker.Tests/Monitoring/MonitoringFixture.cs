using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Data;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Core.Progress;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Monitoring;

/// <summary>
/// A small plan whose dashboard and report figures are worked out by hand (see <see cref="Expected"/>), loaded
/// with the real unit directory: 17 work items in two sections, with completions on known days.
/// </summary>
public static class MonitoringFixture
{
    public const string PlanNumber = "99/KH-TEST";

    public const string Plan = """
        { "plan": { "number": "99/KH-TEST", "title": "Công tác cải cách hành chính năm 2019", "year": 2019, "issuedOn": "2018-12-28",
                    "issuer": "Ủy ban nhân dân thành phố Cần Thơ" },
          "objectives": [ { "code": "2.c", "text": "Phấn đấu đạt 35% TTHC trực tuyến mức độ 3",
                            "indicators": [ { "text": "TTHC được triển khai trực tuyến mức độ 3", "target": 35, "unit": "%" } ] } ],
          "sections": [
            { "number": 1, "title": "Cải cách thể chế", "tasks": [
              { "code": "1.a", "activity": "Rà soát văn bản quy phạm pháp luật", "leadUnits": ["Sở Tư pháp"], "coordinatingUnits": [],
                "deliverables": [ { "product": "Kế hoạch", "deadline": "Quý I năm 2019" }, { "product": "Báo cáo", "deadline": "Quý IV năm 2019" } ], "subtasks": [] },
              { "code": "1.b", "activity": "Kiểm tra công tác cải cách hành chính", "leadUnits": ["UBND quận, huyện"], "coordinatingUnits": [],
                "deliverables": [ { "product": "Báo cáo kiểm tra", "deadline": "Quý II năm 2019" } ], "subtasks": [] } ] },
            { "number": 2, "title": "Cải cách thủ tục hành chính", "tasks": [
              { "code": "2.a", "activity": "Rà soát thủ tục hành chính", "leadUnits": ["Sở Nội vụ"], "coordinatingUnits": [],
                "deliverables": [ { "product": "Báo cáo rà soát", "deadline": "Hàng quý" } ], "subtasks": [] },
              { "code": "2.b", "activity": "Tuyên truyền cải cách hành chính", "leadUnits": ["Sở Tư pháp"], "coordinatingUnits": [],
                "deliverables": [ { "product": "Tin bài", "deadline": "Thường xuyên" } ], "subtasks": [] },
              { "code": "2.c", "activity": "Hướng dẫn đánh giá chỉ số", "leadUnits": ["Sở Nội vụ"], "coordinatingUnits": [],
                "deliverables": [ { "product": "Văn bản hướng dẫn", "deadline": "Theo hướng dẫn của Bộ Nội vụ" } ], "subtasks": [] } ] } ],
          "duties": [ { "code": "III.1.c", "units": ["Sở Tư pháp", "Sở Nội vụ", "UBND quận Ninh Kiều", "UBND quận Cái Răng"],
                        "text": "Báo cáo định kỳ tình hình thực hiện Kế hoạch", "product": "Báo cáo định kỳ", "recipient": "Sở Nội vụ",
                        "deadline": "Định kỳ quý I, 6 tháng, quý III và năm", "periods": ["Q1", "H1", "Q3", "Y"] } ] }
        """;

    /// <summary>The completions: (task code, deliverable index, unit code, period, completed on, result text).</summary>
    public static readonly (string Task, int Deliverable, string Unit, string Period, DateOnly Done, string Result)[] Completions =
    [
        ("1.a", 0, "STP", "", new(2019, 2, 20), "Đã ban hành Kế hoạch 25/KH-STP"),
        ("1.b", 0, "UBND_NINHKIEU", "", new(2019, 7, 10), "Chậm do thiếu nhân sự kiểm tra"),
        ("1.b", 0, "UBND_CAIRANG", "", new(2019, 6, 15), "Đã kiểm tra 12 phường"),
        ("2.a", 0, "SNV", "Q1", new(2019, 4, 5), "Trễ vì chờ số liệu các sở"),
        ("2.a", 0, "SNV", "Q2", new(2019, 6, 30), "Đã rà soát 45 thủ tục"),
    ];

    /// <summary>
    /// The Q3/2019 reports received, due 17/09 (two working days after Saturday 14/09): Cái Răng on 17/09, Sở Tư pháp
    /// on 18/09, Sở Nội vụ, which the duty names but which receives the reports and owes none, on 25/09; Ninh Kiều nothing.
    /// </summary>
    public static readonly (string Unit, DateOnly SubmittedOn, string DocumentNumber)[] Submissions =
    [
        ("UBND_CAIRANG", new(2019, 9, 17), "95/BC-UBND"),
        ("STP", new(2019, 9, 18), "120/BC-STP"),
        ("SNV", new(2019, 9, 25), "88/BC-SNV"),
    ];

    /// <summary>Hand-worked answers as of 01/10/2019 (see the test class for the arithmetic).</summary>
    public static class Expected
    {
        public const int Total = 17, DoneOnTime = 3, DoneLate = 2, InProgress = 2, Overdue = 8, Ongoing = 1, NeedsDate = 1;
    }

    public static async Task SeedFolderAsync(TempFolder folder)
    {
        var seed = Directory.CreateDirectory(folder.File("seed")).FullName;
        File.Copy(RepoPaths.UnitSeed, Path.Combine(seed, "units-cantho.json"));
        await File.WriteAllTextAsync(Path.Combine(seed, "plan-99-test.json"), Plan);
    }

    public static async Task AddCompletionsAsync(PlanTrackerDbContext db)
    {
        foreach (var (task, index, unit, period, done, result) in Completions)
        {
            var deliverable = await db.Deliverables.Where(d => d.Task!.Code == task).OrderBy(d => d.SortOrder).Skip(index).FirstAsync();
            db.Progress.Add(new DeliverableProgress
            {
                DeliverableId = deliverable.Id, Period = period, UnitId = await db.Units.Where(u => u.Code == unit).Select(u => u.Id).SingleAsync(),
                Status = ProgressStatus.Done, ProgressPercent = 100, CompletedOn = done, ResultText = result,
                UpdatedAtUtc = done.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc), // saved on the day it was done: reports read results as of their cut-off
                UpdatedByName = "Fixture",
            });
        }
        db.Progress.Add(new DeliverableProgress
        {
            DeliverableId = (await db.Deliverables.FirstAsync(d => d.Task!.Code == "2.b")).Id, Period = "Q3",
            UnitId = await db.Units.Where(u => u.Code == "STP").Select(u => u.Id).SingleAsync(),
            Status = ProgressStatus.InProgress, ProgressPercent = 0, ResultText = "Đăng 30 tin bài trên cổng thông tin",
            UpdatedAtUtc = new DateTime(2019, 9, 10, 3, 0, 0, DateTimeKind.Utc),
            UpdatedByName = "Fixture",
        });
        var planId = await db.Plans.Where(p => p.Number == PlanNumber).Select(p => p.Id).SingleAsync();
        foreach (var (unit, submittedOn, number) in Submissions)
            db.Add(new ReportSubmission
            {
                PlanId = planId, UnitId = await db.Units.Where(u => u.Code == unit).Select(u => u.Id).SingleAsync(), PeriodKey = "2019-Q3",
                DocumentNumber = number, DocumentDate = submittedOn, SubmittedOn = submittedOn, RecordedAtUtc = DateTime.UtcNow,
                RecordedByName = "Fixture",
            });
        await db.SaveChangesAsync();
    }
}

/// <summary>The app on the fixture plan, "today" 01/10/2019.</summary>
public class MonitoringHost : PlanTrackerFactory
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private bool ready;

    public MonitoringHost()
    {
        MonitoringFixture.SeedFolderAsync(Folder).GetAwaiter().GetResult();
        Settings["Seed:Directory"] = Folder.File("seed");
        Settings["Clock:Today"] = "2019-10-01";
    }

    /// <summary>Adds the completions and report submissions once, before the first test of the class looks.</summary>
    public async Task<MonitoringHost> ReadyAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (ready) return this;
            await using var db = NewDbContext();
            await MonitoringFixture.AddCompletionsAsync(db);
            ready = true;
            return this;
        }
        finally { gate.Release(); }
    }
}
