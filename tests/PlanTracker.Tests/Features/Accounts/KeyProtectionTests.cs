using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Accounts;

/// <summary>Issue 15, point 4: with a certificate configured, a copy of the database holds no readable key.</summary>
public class KeyProtectionTests
{
    private const string CertificatePassword = "mat-khau-chung-thu";

    /// <summary>
    /// The certificate settings go in as host settings: the app reads them while its services are registered,
    /// before the test's other settings apply.
    /// </summary>
    private sealed class Host(string? certificatePath, string connection) : PlanTrackerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Settings["ConnectionStrings:PlanTracker"] = connection;
            base.ConfigureWebHost(builder);
            if (certificatePath is null) return;
            builder.UseSetting("DataProtection:CertificatePath", certificatePath);
            builder.UseSetting("DataProtection:CertificatePassword", CertificatePassword);
        }
    }

    [Fact]
    public async Task Keys_are_stored_encrypted_and_a_restarted_server_still_reads_its_cookies()
    {
        using var folder = new TempFolder();
        var certificate = WriteCertificate(folder.File("keys.pfx"));
        var connection = TestProvider.IsPostgres ? PostgresServer.Instance.NewDatabase() : $"Data Source={folder.File("plantracker.db")}";

        string cookie;
        using (var first = new Host(certificate, connection))
        {
            (_, cookie) = await SessionTests.SignInAsync(first, "chungthu@cantho.example");
            await using var db = first.NewDbContext();
            var keys = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
                Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            });
        }

        using (var restarted = new Host(certificate, connection))
            Assert.Equal(HttpStatusCode.OK, (await SessionTests.WithCookie(restarted, cookie).GetAsync("/tasks")).StatusCode);

        using (var withoutCertificate = new Host(null, connection))
            Assert.Equal(HttpStatusCode.Redirect, (await SessionTests.WithCookie(withoutCertificate, cookie).GetAsync("/tasks")).StatusCode);
    }

    [Fact]
    public void A_missing_certificate_file_stops_the_start_with_the_setting_named()
    {
        using var folder = new TempFolder();
        using var host = new Host(folder.File("missing.pfx"), $"Data Source={folder.File("plantracker.db")}");

        var error = Assert.ThrowsAny<Exception>(() => host.StartServer());

        var message = error.GetBaseException() is InvalidOperationException e ? e.Message : error.ToString();
        Assert.Contains("DataProtection:CertificatePath", message, StringComparison.Ordinal);
        Assert.Contains("missing.pfx", message, StringComparison.Ordinal);
        Assert.Contains("could not be read", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_certificate_password_stops_the_start()
    {
        using var folder = new TempFolder();
        var path = WriteCertificate(folder.File("keys.pfx"), "another-password");
        using var host = new Host(path, $"Data Source={folder.File("plantracker.db")}");

        var error = Assert.ThrowsAny<Exception>(() => host.StartServer());

        Assert.Contains("could not be read", error.GetBaseException().Message + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_production_start_without_a_certificate_warns()
    {
        using var host = new ProductionHost();

        await using (host.NewDbContext()) { } // started

        var log = string.Concat(Directory.GetFiles(host.Folder.File("logs")).Select(ReadShared));
        Assert.Contains("[WRN] The data-protection keys are stored unencrypted in the database", log, StringComparison.Ordinal);
    }

    private sealed class ProductionHost : PlanTrackerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    private static string ReadShared(string path)
    {
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return reader.ReadToEnd();
    }

    /// <summary>A self-signed certificate with its private key, as the README's openssl commands make one.</summary>
    private static string WriteCertificate(string path, string password = CertificatePassword)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=PlanTracker keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }
}
