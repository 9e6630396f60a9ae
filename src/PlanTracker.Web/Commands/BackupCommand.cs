using System.CommandLine;
using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace PlanTracker.Web.Commands;

/// <summary>
/// `backup FILE`: one .zip with a consistent copy of the SQLite database, the attachments folder and a manifest,
/// made while the server runs. `restore FILE`: puts such an archive back into an empty data folder; the next
/// start migrates it if the app is newer. PostgreSQL is backed up with pg_dump instead (README, "Backups").
/// </summary>
public static class BackupCommand
{
    private const string DatabaseEntry = "database/plantracker.db";
    private const string AttachmentsPrefix = "attachments/";
    private const string ManifestEntry = "manifest.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public sealed record Manifest(string App, string Version, DateTime CreatedAtUtc, string Provider, Dictionary<string, long> Counts);

    public static Command CreateBackup()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "the archive to write, e.g. /var/backups/plantracker/2026-11-29.zip" };
        var backup = new Command("backup", "Write a consistent copy of the SQLite database and the attachments folder into one .zip, "
            + "while the server runs. Exit code 1 when the provider is PostgreSQL (see README, Backups), there is no database, "
            + "or the file cannot be written; 2 for a usage error.") { file };
        backup.SetAppAction((result, services) => BackupAsync(services, result.GetRequiredValue(file).FullName));
        return backup;
    }

    public static Command CreateRestore()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "an archive written by `backup`" };
        var restore = new Command("restore", "Put a backup back into an empty data folder: the database file named by "
            + "ConnectionStrings:PlanTracker must not exist and Attachments:Directory must be empty. The next start migrates it "
            + "if needed. Exit code 1 when the folder is not empty or the archive is not a PlanTracker backup; 2 for a usage error.") { file };
        restore.SetAppAction((result, services) =>
            RestoreAsync(services.GetRequiredService<IConfiguration>(), result.GetRequiredValue(file).FullName));
        return restore;
    }

    public static async Task<int> BackupAsync(IServiceProvider services, string file)
    {
        var config = services.GetRequiredService<IConfiguration>();
        if (DatabaseSetup.IsPostgres(config))
        {
            Console.Error.WriteLine("backup: the database is PostgreSQL. Back it up with pg_dump and copy Attachments:Directory "
                + "beside it, as the README's \"Backups\" section shows.");
            return 1;
        }
        var database = DatabaseFile(config);
        if (!File.Exists(database))
        {
            Console.Error.WriteLine($"backup: no database at {database}.");
            return 1;
        }

        var target = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var snapshot = target + ".db.tmp";
        var partial = target + ".tmp";
        try
        {
            File.Delete(snapshot);
            // VACUUM INTO reads one snapshot of the database in a read transaction: in WAL mode the server's writers
            // go on meanwhile, and every save committed before it began is in the copy. The attachments are copied
            // after it, and a file is written before its row commits, so every file the copy names is on disk then.
            await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder
                         { DataSource = database, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 60 }.ToString()))
            {
                await connection.OpenAsync();
                await using var vacuum = connection.CreateCommand();
                vacuum.CommandText = "VACUUM INTO $file";
                vacuum.Parameters.AddWithValue("$file", snapshot);
                await vacuum.ExecuteNonQueryAsync();
            }

            var attachments = AttachmentsFolder(config);
            var files = Directory.Exists(attachments)
                ? Directory.GetFiles(attachments, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.')).ToList()
                : [];
            var counts = await CountAsync(snapshot);
            counts["attachmentFiles"] = files.Count;
            var manifest = new Manifest("PlanTracker", Version, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
                DatabaseSetup.Sqlite, counts);

            File.Delete(partial);
            using (var zip = ZipFile.Open(partial, ZipArchiveMode.Create))
            {
                zip.CreateEntryFromFile(snapshot, DatabaseEntry, CompressionLevel.Fastest);
                foreach (var path in files)
                {
                    try
                    {
                        zip.CreateEntryFromFile(path, AttachmentsPrefix + Path.GetRelativePath(attachments, path).Replace('\\', '/'), CompressionLevel.Fastest);
                    }
                    catch (FileNotFoundException)
                    {
                        // An upload whose save failed, deleted since it was listed: its row is not in the copy.
                    }
                }
                await using var manifestStream = zip.CreateEntry(ManifestEntry).Open();
                await JsonSerializer.SerializeAsync(manifestStream, manifest, Indented);
            }
            File.Move(partial, target, overwrite: true);
            Console.WriteLine($"Backup written to {target}: {string.Join(", ", counts.Select(c => $"{c.Value} {c.Key}"))}.");
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException)
        {
            Console.Error.WriteLine($"backup: {e.Message}");
            File.Delete(partial);
            return 1;
        }
        finally
        {
            File.Delete(snapshot);
        }
    }

    public static async Task<int> RestoreAsync(IConfiguration config, string file)
    {
        if (DatabaseSetup.IsPostgres(config))
        {
            Console.Error.WriteLine("restore: the database is PostgreSQL. Restore it with pg_restore and put the attachments back "
                + "as the README's \"Backups\" section shows.");
            return 1;
        }
        var database = DatabaseFile(config);
        var attachments = AttachmentsFolder(config);
        if (File.Exists(database) || File.Exists(database + "-wal"))
        {
            Console.Error.WriteLine($"restore: a database exists at {database}. Restore only into an empty data folder: "
                + "stop the server and move the old files away first.");
            return 1;
        }
        if (Directory.Exists(attachments) && Directory.EnumerateFileSystemEntries(attachments).Any())
        {
            Console.Error.WriteLine($"restore: the attachments folder {attachments} is not empty. Restore only into an empty data folder.");
            return 1;
        }
        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"restore: no file at {file}.");
            return 1;
        }

        try
        {
            using var zip = ZipFile.OpenRead(file);
            if (zip.GetEntry(ManifestEntry) is not { } manifestEntry || zip.GetEntry(DatabaseEntry) is not { } databaseEntry)
            {
                Console.Error.WriteLine($"restore: {file} is not a PlanTracker backup (no {ManifestEntry} or {DatabaseEntry}).");
                return 1;
            }
            Manifest? manifest;
            await using (var stream = manifestEntry.Open())
                manifest = await JsonSerializer.DeserializeAsync<Manifest>(stream);

            Directory.CreateDirectory(Path.GetDirectoryName(database)!);
            Directory.CreateDirectory(attachments);
            var root = attachments.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            var restored = 0;
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith(AttachmentsPrefix, StringComparison.Ordinal) && e.Name.Length > 0))
            {
                var path = Path.GetFullPath(Path.Combine(attachments, entry.FullName[AttachmentsPrefix.Length..]));
                if (!path.StartsWith(root, StringComparison.Ordinal))
                {
                    Console.Error.WriteLine($"restore: refused the entry {entry.FullName}, which points outside the attachments folder.");
                    return 1;
                }
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                entry.ExtractToFile(path);
                restored++;
            }
            // The database last, through a rename: a restore stopped half-way leaves no database a start would take as whole.
            databaseEntry.ExtractToFile(database + ".restoring", overwrite: true);
            File.Move(database + ".restoring", database);
            Console.WriteLine($"Restored the backup of {manifest?.CreatedAtUtc:yyyy-MM-dd HH:mm} UTC (PlanTracker {manifest?.Version}) "
                + $"to {database} and {restored} attachment files to {attachments}. Start the server; it migrates the database if needed.");
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or JsonException)
        {
            Console.Error.WriteLine($"restore: {e.Message}");
            return 1;
        }
    }

    private static string Version =>
        typeof(BackupCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private static string DatabaseFile(IConfiguration config) =>
        new SqliteConnectionStringBuilder(DatabaseSetup.SqliteConnectionString(config)).DataSource;

    private static string AttachmentsFolder(IConfiguration config) =>
        Path.GetFullPath(config["Attachments:Directory"] is { Length: > 0 } d ? d : "data/attachments");

    private static async Task<Dictionary<string, long>> CountAsync(string snapshot)
    {
        var counts = new Dictionary<string, long>();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            { DataSource = snapshot, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        foreach (var (name, table) in new[] { ("plans", "Plans"), ("users", "AspNetUsers"), ("progressRecords", "DeliverableProgress"),
                     ("historyRecords", "ChangeRecords"), ("attachments", "Attachments") })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[name] = (long)(await command.ExecuteScalarAsync())!;
        }
        return counts;
    }
}
