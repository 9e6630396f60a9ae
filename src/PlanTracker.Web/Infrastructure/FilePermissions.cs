using Microsoft.Data.Sqlite;

namespace PlanTracker.Web.Infrastructure;

/// <summary>
/// The database, the logs and the evidence files are readable by the service account only (Linux; Windows keeps
/// its folder ACLs): folders 0700, files 0600. Set at every start, so that a data folder made by an older version
/// or by hand is closed too. Serilog's file sink creates its files with the process's umask, so its folder is
/// what keeps them private; SQLite gives its -wal and -shm files the database file's own mode.
/// </summary>
public static class FilePermissions
{
    public const UnixFileMode PrivateFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void RestrictDataFiles(IConfiguration config, bool sqlite)
    {
        if (OperatingSystem.IsWindows()) return;
        if (sqlite)
        {
            var database = new SqliteConnectionStringBuilder(DatabaseSetup.SqliteConnectionString(config)).DataSource;
            if (database is { Length: > 0 } && database != ":memory:")
                foreach (var file in new[] { database, database + "-wal", database + "-shm", database + ".startup-lock" })
                    Restrict(file, create: file == database);
        }
        Folder(Path.GetFullPath(config["Attachments:Directory"] is { Length: > 0 } attachments ? attachments : "data/attachments"));
        foreach (var sink in config.GetSection("Serilog:WriteTo").GetChildren())
            if (sink["Args:path"] is { Length: > 0 } log && Path.GetDirectoryName(Path.GetFullPath(log)) is { } folder)
                Folder(folder);
    }

    /// <summary>Creates the folder 0700, or closes it to 0700 if it exists.</summary>
    public static void Folder(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        if (Directory.Exists(path)) File.SetUnixFileMode(path, PrivateFolder);
        else Directory.CreateDirectory(path, PrivateFolder);
    }

    /// <summary>
    /// Closes the file to 0600; with <paramref name="create"/>, creates it empty first (SQLite takes an empty file
    /// as a new database and keeps its mode).
    /// </summary>
    private static void Restrict(string path, bool create)
    {
        if (OperatingSystem.IsWindows()) return;
        if (File.Exists(path)) File.SetUnixFileMode(path, PrivateFile);
        else if (create)
            using (new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = PrivateFile })) { }
    }
}
