using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using PlanTracker.Tests.Support;

namespace PlanTracker.Benchmarks.Load;

/// <summary>What the load, fixed and writes modes share: the server's settings, starting it, timing requests, reading ids.</summary>
public static class Common
{
    public const string Today = "2021-10-01";

    public static Dictionary<string, string> Env(string folder) => new()
    {
        ["ConnectionStrings__PlanTracker"] = $"Data Source={Path.Combine(folder, "plantracker.db")}",
        ["Database__Provider"] = "Sqlite",
        ["Clock__Today"] = Today,
        ["Hangfire__ServerEnabled"] = "false",
        ["Mail__Mode"] = "Pickup",
        ["Mail__PickupDirectory"] = Path.Combine(folder, "mail"),
        ["Attachments__Directory"] = Path.Combine(folder, "attachments"),
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Serilog__MinimumLevel__Default"] = "Warning",
    };

    public static async Task<AppProcess.Outcome> CliAsync(string dll, Dictionary<string, string> env, string? stdin, params string[] args)
    {
        var outcome = await AppProcess.RunAsync(dll, env, args, stdin, TimeSpan.FromMinutes(10));
        if (outcome.ExitCode != 0)
            throw new InvalidOperationException($"{string.Join(' ', args)} exited {outcome.ExitCode}: {outcome.Stderr}{outcome.Stdout}");
        return outcome;
    }

    /// <summary>Starts the server, waits until it serves; the caller kills it by PID.</summary>
    public static async Task<(Process Server, string BaseUrl)> StartServerAsync(string dll, Dictionary<string, string> env)
    {
        var baseUrl = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var server = AppProcess.Start(dll, new Dictionary<string, string>(env) { ["Urls"] = baseUrl, ["SignIn__RateLimitPerMinute"] = "100000" }, []);
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        server.StandardInput.Close();
        try
        {
            await AppClient.WaitUntilServingAsync(baseUrl, TimeSpan.FromMinutes(3));
        }
        catch
        {
            Stop(server);
            throw;
        }
        return (server, baseUrl);
    }

    public static void Stop(Process server)
    {
        if (!server.HasExited) server.Kill(entireProcessTree: true);
        server.WaitForExit(10_000);
        server.Dispose();
    }

    public sealed record Timing(double Median, double P95, double Min, double Max, long Bytes);

    /// <summary>One warm-up request, then <paramref name="count"/> timed ones in a row.</summary>
    public static async Task<Timing> TimeAsync(AppClient client, string url, int count)
    {
        await client.TimeGetAsync(url);
        var times = new List<double>();
        long bytes = 0;
        for (var i = 0; i < count; i++)
        {
            var (ms, b) = await client.TimeGetAsync(url);
            times.Add(ms);
            bytes = b;
        }
        times.Sort();
        var median = count % 2 == 1 ? times[count / 2] : (times[count / 2 - 1] + times[count / 2]) / 2;
        var p95 = times[Math.Min(count - 1, (int)Math.Ceiling(0.95 * count) - 1)];
        return new Timing(median, p95, times[0], times[^1], bytes);
    }

    public static string Row(string what, Timing t) =>
        $"| {what} | {t.Median:0} ms | {t.P95:0} ms | {t.Min:0}–{t.Max:0} ms | {t.Bytes / 1024.0:0} kB |";

    /// <summary>The authenticator key of every benchmark account; <see cref="AppClient"/> answers the code step with it.</summary>
    public const string AuthenticatorKey = "PLANTRACKERBENCHMARKKEY234567ABC";

    /// <summary>
    /// An account made by `users create` as if its person had set their own password and, for an admin, enrolled an
    /// authenticator with <see cref="AuthenticatorKey"/>: the pages then open instead of the first-sign-in steps.
    /// </summary>
    public static void AccountReady(string folder, string email)
    {
        using var c = new SqliteConnection($"Data Source={Path.Combine(folder, "plantracker.db")};Pooling=False");
        c.Open();
        using var command = c.CreateCommand();
        command.CommandText = """
            UPDATE AspNetUsers SET MustChangePassword = 0,
                TwoFactorEnabled = EXISTS (SELECT 1 FROM AspNetUserRoles ur JOIN AspNetRoles r ON r.Id = ur.RoleId WHERE ur.UserId = AspNetUsers.Id AND r.Name = 'Admin')
            WHERE NormalizedEmail = upper($email);
            INSERT OR REPLACE INTO AspNetUserTokens (UserId, LoginProvider, Name, Value)
            SELECT Id, '[AspNetUserStore]', 'AuthenticatorKey', $key FROM AspNetUsers WHERE NormalizedEmail = upper($email);
            """;
        command.Parameters.AddWithValue("$email", email);
        command.Parameters.AddWithValue("$key", AuthenticatorKey);
        command.ExecuteNonQuery();
    }

    public static SqliteConnection Open(string folder)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "plantracker.db")};Mode=ReadOnly");
        connection.Open();
        return connection;
    }

    public static long Scalar(SqliteConnection c, string sql)
    {
        using var command = c.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public static List<(long A, long B)> Pairs(SqliteConnection c, string sql)
    {
        using var command = c.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var list = new List<(long, long)>();
        while (reader.Read()) list.Add((reader.GetInt64(0), reader.GetInt64(1)));
        return list;
    }
}
