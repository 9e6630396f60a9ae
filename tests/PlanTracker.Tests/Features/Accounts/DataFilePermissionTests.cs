using PlanTracker.Tests.Support;
using PlanTracker.Web.Infrastructure;

namespace PlanTracker.Tests.Features.Accounts;

public class DataFilePermissionTests
{
    [SqliteFact]
    public async Task The_database_logs_and_evidence_folder_are_readable_by_the_service_account_only()
    {
        if (OperatingSystem.IsWindows()) return; // Windows keeps its folder ACLs
        using var host = new PlanTrackerFactory();

        await using (host.NewDbContext()) { } // started

        Assert.Equal(FilePermissions.PrivateFile, File.GetUnixFileMode(host.DatabaseFile));
        Assert.Equal(FilePermissions.PrivateFolder, File.GetUnixFileMode(host.Folder.File("attachments")));
        Assert.Equal(FilePermissions.PrivateFolder, File.GetUnixFileMode(host.Folder.File("logs")));
        if (File.Exists(host.DatabaseFile + "-wal"))
            Assert.Equal(FilePermissions.PrivateFile, File.GetUnixFileMode(host.DatabaseFile + "-wal"));
    }
}
