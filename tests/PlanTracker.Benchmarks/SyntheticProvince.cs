using System.Globalization;
using Microsoft.Data.Sqlite;

namespace PlanTracker.Benchmarks;

/// <summary>
/// A province-scale plan written straight into a migrated SQLite file in one transaction: units, one
/// 2019 plan, tasks each led by one unit (a few by a group), deliverables with due dates over the year,
/// and progress records saying 40 % of them are done.
/// </summary>
public static class SyntheticProvince
{
    public static void Fill(string connectionString, int deliverables, int units, int seed = 163)
    {
        var random = new Random(seed);
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();

        Bulk(connection, "INSERT INTO Units (Id, Code, Name, Kind, Emails) VALUES ($1, $2, $3, 'Department', $4)", units, (i, p) =>
        {
            var code = i == 1 ? "SNV" : $"U{i:D4}";
            p[0] = i; p[1] = code; p[2] = i == 1 ? "Sở Nội vụ" : $"Đơn vị số {i}";
            p[3] = $"{code.ToLowerInvariant()}@province.example; cchc.{code.ToLowerInvariant()}@province.example";
        });
        Exec(connection, "INSERT INTO UnitGroups (Id, Code, Name) VALUES (1, 'DISTRICTS', 'UBND quận, huyện')");
        Bulk(connection, "INSERT INTO UnitGroupMembers (UnitGroupId, UnitId) VALUES (1, $1)", 10, (i, p) => p[0] = units - i + 1);
        Exec(connection, "INSERT INTO Plans (Id, Number, Title, Year, CreatedAtUtc) VALUES (1, '999/KH-UBND', 'Kế hoạch CCHC năm 2019 (tổng hợp)', 2019, '2018-12-28 00:00:00')");
        Bulk(connection, "INSERT INTO Sections (Id, PlanId, Number, Title, SortOrder, IsRetired) VALUES ($1, 1, $1, $2, $1, 0)", 7, (i, p) =>
        {
            p[0] = i; p[1] = $"Lĩnh vực {i}";
        });

        var tasks = (deliverables + 3) / 4;
        Bulk(connection, "INSERT INTO Tasks (Id, SectionId, Code, Activity, SortOrder, IsRetired, SearchText, Version) VALUES ($1, $2, $3, $4, $1, 0, '', 0)", tasks, (i, p) =>
        {
            p[0] = i; p[1] = i % 7 + 1; p[2] = $"{i % 7 + 1}.{i}"; p[3] = $"Triển khai nhiệm vụ cải cách hành chính số {i} theo kế hoạch của thành phố";
        });
        // Every hundredth task is led by the group of ten districts; the others by one unit each.
        Bulk(connection, "INSERT INTO TaskAssignments (TaskId, Role, PrintedName, UnitId, UnitGroupId, IsInferred, SortOrder, IsRetired) VALUES ($1, 'Lead', '', $2, $3, 0, 0, 0)", tasks, (i, p) =>
        {
            p[0] = i;
            p[1] = i % 100 == 0 ? DBNull.Value : i % units + 1;
            p[2] = i % 100 == 0 ? 1 : DBNull.Value;
        });

        var start = new DateOnly(2019, 1, 1);
        var dues = new DateOnly[deliverables + 1];
        Bulk(connection, "INSERT INTO Deliverables (Id, TaskId, Product, SortOrder, IsRetired, DeadlineText, DeadlineKind, DeadlineDue, Version) VALUES ($1, $2, $3, $1, 0, $4, $5, $6, 0)", deliverables, (i, p) =>
        {
            var ongoing = i % 20 == 0;
            dues[i] = start.AddDays(random.Next(365));
            p[0] = i; p[1] = (i - 1) / 4 + 1; p[2] = $"Sản phẩm số {i}";
            p[3] = ongoing ? "Thường xuyên" : $"trước ngày {dues[i]:dd/MM/yyyy}";
            p[4] = ongoing ? "Ongoing" : "Date";
            p[5] = ongoing ? DBNull.Value : Iso(dues[i]);
        });
        Bulk(connection, "INSERT INTO DeliverableProgress (DeliverableId, Period, UnitId, Status, ProgressPercent, CompletedOn, Version, UpdatedAtUtc, UpdatedByName) VALUES ($1, '', $2, 'Done', 100, $3, 1, '2019-01-01 00:00:00', 'bench')",
            deliverables, (i, p) =>
            {
                var task = (i - 1) / 4 + 1;
                // 40 % done, the progress row only for directly led tasks; the rest get a harmless duplicate-free skip.
                var done = i % 5 < 2 && task % 100 != 0;
                p[0] = done ? i : -i; p[1] = task % units + 1; p[2] = Iso(dues[i].AddDays(random.Next(-30, 10)));
            }, skip: p => (int)p[0] < 0);
        transaction.Commit();
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void Bulk(SqliteConnection connection, string sql, int count, Action<int, object[]> fill, Func<object[], bool>? skip = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameterCount = sql.Count(c => c == '$') == 0 ? 0 : sql.Split('$').Skip(1).Select(s => int.Parse(new string(s.TakeWhile(char.IsDigit).ToArray()), CultureInfo.InvariantCulture)).Max();
        var parameters = Enumerable.Range(1, parameterCount).Select(n => command.Parameters.Add(new SqliteParameter("$" + n, null))).ToArray();
        var values = new object[parameterCount];
        command.Prepare();
        for (var i = 1; i <= count; i++)
        {
            fill(i, values);
            if (skip?.Invoke(values) == true) continue;
            for (var p = 0; p < parameterCount; p++) parameters[p].Value = values[p] ?? DBNull.Value;
            command.ExecuteNonQuery();
        }
    }
}
