using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;
using PlanTracker.Core.Reminders;

namespace PlanTracker.Web.Features.Reminders;

/// <summary>
/// Writes a run's messages and reminder keys with prepared commands in the planning transaction. EF Core
/// sends one command per row with its own bookkeeping (about 1,000 rows a second for messages here), and a
/// run over a province writes a thousand messages and up to 25,000 keys. The SQL is plain enough for SQLite
/// and PostgreSQL alike; a duplicate key still fails the whole transaction, which is the point.
/// </summary>
public static class OutboxWriter
{
    private const string MessageSql = """
        INSERT INTO "OutboxMessages" ("MessageId", "UnitId", "Recipients", "Subject", "HtmlBody", "TextBody", "State", "Attempts",
            "NextAttemptAtUtc", "PlannedFor", "ReminderRunId", "CreatedAtUtc")
        VALUES (@messageId, @unit, @recipients, @subject, @html, @text, @state, 0, @next, @planned, @run, @created)
        RETURNING "Id"
        """;

    private const string ItemSql = """
        INSERT INTO "ReminderItems" ("UnitId", "Rule", "ItemKey", "OccurredOn", "PlannedFor", "OutboxMessageId")
        VALUES (@unit, @rule, @key, @occurred, @planned, @message)
        """;

    /// <summary>Inserts the messages and sets their Id.</summary>
    public static async Task InsertMessagesAsync(PlanTrackerDbContext db, IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        await using var command = Command(db, MessageSql);
        var p = Parameters(command, "@messageId", "@unit", "@recipients", "@subject", "@html", "@text", "@state", "@next", "@planned", "@run", "@created");
        var prepared = false;
        foreach (var m in messages)
        {
            Set(p, m.MessageId, m.UnitId, m.Recipients, m.Subject, m.HtmlBody, m.TextBody, m.State.ToString(), m.NextAttemptAtUtc,
                m.PlannedFor, m.ReminderRunId, m.CreatedAtUtc);
            // Prepared once the first values are set, so that a provider can infer the parameter types.
            if (!prepared) await command.PrepareAsync(ct);
            prepared = true;
            m.Id = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public static async Task InsertItemsAsync(PlanTrackerDbContext db, IEnumerable<ReminderItem> items, CancellationToken ct)
    {
        await using var command = Command(db, ItemSql);
        var p = Parameters(command, "@unit", "@rule", "@key", "@occurred", "@planned", "@message");
        var prepared = false;
        foreach (var i in items)
        {
            Set(p, i.UnitId, i.Rule.ToString(), i.ItemKey, i.OccurredOn, i.PlannedFor, i.OutboxMessageId);
            if (!prepared) await command.PrepareAsync(ct);
            prepared = true;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static DbCommand Command(PlanTrackerDbContext db, string sql)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The outbox is written inside the planning transaction.");
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static DbParameter[] Parameters(DbCommand command, params string[] names) => names.Select(name =>
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }).ToArray();

    private static void Set(DbParameter[] parameters, params object?[] values)
    {
        for (var i = 0; i < parameters.Length; i++) parameters[i].Value = values[i] ?? DBNull.Value;
    }
}
