using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Data;

namespace PlanTracker.Benchmarks.Monitoring;

/// <summary>
/// A province-scale plan in a migrated SQLite file, written with raw SQL in one transaction: 1,000 units,
/// 20,000 tasks in 7 sections, 5 deliverables each (100,000), one lead unit per task (a tenth of the tasks led by a
/// group of 10 units), and progress on about two thirds of the work items.
/// </summary>
public static class SyntheticProvince
{
    public const int Units = 1000, Tasks = 20_000, DeliverablesPerTask = 5, GroupSize = 10;

    public static PlanTrackerDbContext Context(string file) =>
        new(new DbContextOptionsBuilder<PlanTrackerDbContext>()
            .UseSqlite($"Data Source={file}", sqlite => sqlite.MigrationsAssembly("PlanTracker.Web")).Options);

    public static void Create(string file)
    {
        using (var db = Context(file)) db.Database.Migrate();
        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        using (var wal = connection.CreateCommand()) { wal.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;"; wal.ExecuteNonQuery(); }
        using var tx = connection.BeginTransaction();
        var random = new Random(163);

        Exec(connection, tx, "INSERT INTO Plans (Id, Number, Title, Year, IssuedOn, Issuer, CreatedAtUtc) VALUES (1, '999/KH-UBND', 'Công tác cải cách hành chính năm 2019 (dữ liệu tổng hợp thử)', 2019, '2018-12-28', 'Ủy ban nhân dân thành phố Cần Thơ', '2019-01-01 00:00:00')");
        string[] titles = ["Cải cách thể chế", "Cải cách thủ tục hành chính", "Cải cách tổ chức bộ máy hành chính nhà nước", "Cải cách chế độ công vụ", "Cải cách tài chính công", "Hiện đại hóa hành chính", "Công tác chỉ đạo điều hành"];
        for (var s = 1; s <= 7; s++) Exec(connection, tx, $"INSERT INTO Sections (Id, PlanId, Number, Title, SortOrder, IsRetired) VALUES ({s}, 1, {s}, '{titles[s - 1]}', {s}, 0)");
        Exec(connection, tx, "INSERT INTO Objectives (Id, PlanId, Code, Text, SortOrder) VALUES (1, 1, '2.c', 'Phấn đấu đạt 35% TTHC trực tuyến mức độ 3', 1)");

        Bulk(connection, tx, "INSERT INTO Units (Id, Code, Name, Kind, Emails) VALUES ($1, $2, $3, $4, '')", Enumerable.Range(1, Units)
            .Select(u => new object[] { u, $"U{u:0000}", $"Đơn vị thử nghiệm số {u:0000}", u % 10 == 0 ? "District" : "Department" }));
        for (var i = 1; i <= 10; i++)
            Exec(connection, tx, $"INSERT INTO Indicators (Id, ObjectiveId, Text, Target, Unit, SortOrder, ResponsibleUnitId) VALUES ({i}, 1, 'Chỉ tiêu thử số {i}', {30 + i}, '%', {i}, {i})");
        Exec(connection, tx, "INSERT INTO UnitGroups (Id, Code, Name) VALUES (1, 'NHOM', 'Nhóm đơn vị thử nghiệm')");
        Bulk(connection, tx, "INSERT INTO UnitGroupMembers (UnitGroupId, UnitId) VALUES (1, $1)", Enumerable.Range(1, GroupSize).Select(u => new object[] { u * 10 }));

        Bulk(connection, tx, "INSERT INTO Tasks (Id, SectionId, Code, Activity, SortOrder, IsRetired, SearchText, Version) VALUES ($1, $2, $3, $4, $1, 0, $5, 0)",
            Enumerable.Range(1, Tasks).Select(t => new object[] { t, t % 7 + 1, $"{t % 7 + 1}.{t}", $"Hoạt động cải cách hành chính thử nghiệm số {t}", $"hoat dong thu nghiem so {t}" }));
        Bulk(connection, tx, "INSERT INTO TaskAssignments (TaskId, Role, PrintedName, UnitId, UnitGroupId, IsInferred, SortOrder, IsRetired) VALUES ($1, $2, $3, $4, $5, 0, $6, 0)",
            Enumerable.Range(1, Tasks).SelectMany(t => new[]
            {
                t % 10 == 0
                    ? new object[] { t, "Lead", "Nhóm đơn vị thử nghiệm", DBNull.Value, 1, 1 }
                    : [t, "Lead", $"Đơn vị thử nghiệm số {t % Units + 1:0000}", t % Units + 1, DBNull.Value, 1],
                [t, "Coordinating", $"Đơn vị thử nghiệm số {(t + 7) % Units + 1:0000}", (t + 7) % Units + 1, DBNull.Value, 2],
            }));

        var deliverables = new List<object[]>();
        var progress = new List<object[]>();
        var id = 0;
        for (var t = 1; t <= Tasks; t++)
        {
            var leads = t % 10 == 0 ? Enumerable.Range(1, GroupSize).Select(u => u * 10).ToArray() : [t % Units + 1];
            for (var k = 0; k < DeliverablesPerTask; k++)
            {
                id++;
                var roll = random.Next(100);
                var quarter = random.Next(1, 5);
                var due = new DateOnly(2019, quarter * 3, 1).AddMonths(1).AddDays(-1);
                var (kind, text, start, dueOn) = roll switch
                {
                    < 70 => ("Quarter", $"Quý {quarter} năm 2019", (object)due.AddMonths(-2).AddDays(1 - due.Day).ToString("yyyy-MM-dd"), (object)due.ToString("yyyy-MM-dd")),
                    < 75 => ("RecurringQuarterly", "Hàng quý", "2019-01-01", "2019-12-31"),
                    < 85 => ("Ongoing", "Thường xuyên", DBNull.Value, DBNull.Value),
                    < 95 => ("Year", "Trong năm 2019", "2019-01-01", "2019-12-31"),
                    _ => ("SetLater", "Theo hướng dẫn của Bộ Nội vụ", DBNull.Value, DBNull.Value),
                };
                deliverables.Add([id, t, $"Sản phẩm {k + 1} của hoạt động {t}", k, text, kind, start, dueOn]);
                string[] periods = kind == "RecurringQuarterly" ? ["Q1", "Q2", "Q3", "Q4"] : kind == "Ongoing" ? ["Q3"] : [""];
                foreach (var unit in leads)
                    foreach (var period in periods)
                    {
                        var p = random.Next(100);
                        if (p >= 65) continue;
                        var periodDue = period is ['Q', var q] ? new DateOnly(2019, (q - '0') * 3, 1).AddMonths(1).AddDays(-1) : dueOn is string d ? DateOnly.Parse(d) : new DateOnly(2019, 12, 31);
                        var done = kind != "Ongoing" && p < 50;
                        var completed = periodDue.AddDays(random.Next(-60, 30));
                        progress.Add([id, period, unit, done ? "Done" : "InProgress", done ? 100 : random.Next(10, 90),
                            done ? completed.ToString("yyyy-MM-dd") : DBNull.Value, $"Kết quả thực hiện của đơn vị {unit} cho sản phẩm {id}: đã triển khai theo kế hoạch"]);
                    }
            }
        }
        Bulk(connection, tx, "INSERT INTO Deliverables (Id, TaskId, Product, SortOrder, IsRetired, DeadlineText, DeadlineKind, DeadlineStart, DeadlineDue, Version) VALUES ($1, $2, $3, $4, 0, $5, $6, $7, $8, 0)", deliverables);
        Bulk(connection, tx, "INSERT INTO DeliverableProgress (DeliverableId, Period, UnitId, Status, ProgressPercent, CompletedOn, ResultText, Version, UpdatedAtUtc, UpdatedByName) VALUES ($1, $2, $3, $4, $5, $6, $7, 0, '2019-09-01 00:00:00', 'Synthetic')", progress);
        Bulk(connection, tx, "INSERT INTO IndicatorValues (IndicatorId, Period, Value, SourceNote, EnteredByName, EnteredAtUtc) VALUES ($1, $2, $3, 'Số liệu thử', 'Synthetic', '2019-09-20 00:00:00')",
            Enumerable.Range(1, 10).SelectMany(i => new[] { "2019-Q1", "2019-H1", "2019-Q3" }.Select((p, n) => new object[] { i, p, 20 + i + n * 3 })));
        tx.Commit();
        using var tidy = connection.CreateCommand();
        tidy.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;";
        tidy.ExecuteNonQuery();
    }

    private static void Exec(SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void Bulk(SqliteConnection connection, SqliteTransaction tx, string sql, IEnumerable<object[]> rows)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        SqliteParameter[]? parameters = null;
        foreach (var row in rows)
        {
            parameters ??= row.Select((_, i) => command.Parameters.Add(new SqliteParameter("$" + (i + 1), null))).ToArray();
            for (var i = 0; i < row.Length; i++) parameters[i].Value = row[i];
            command.ExecuteNonQuery();
        }
    }
}
