using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace PlanTracker.Web.Infrastructure;

/// <summary>
/// The data-protection key ring signs the sign-in cookies and anti-forgery tokens and lives in the database, so
/// that several servers share it. Unprotected, a copy of the database is enough to forge an admin's cookie; with
/// <c>DataProtection:CertificatePath</c> set, each key is encrypted with that certificate's public key and only a
/// server holding the .pfx (and its password, <c>DataProtection:CertificatePassword</c>, from the environment)
/// can read it.
/// </summary>
public static class KeyRingSetup
{
    public static WebApplicationBuilder AddPlanTrackerDataProtection(this WebApplicationBuilder builder)
    {
        // Read while the services are registered, not later: ProtectKeysWithCertificate takes the certificate itself.
        var path = builder.Configuration["DataProtection:CertificatePath"];
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("PlanTracker").PersistKeysToDbContext<PlanTrackerDbContext>();
        if (!string.IsNullOrWhiteSpace(path))
            dataProtection.ProtectKeysWithCertificate(LoadCertificate(path, builder.Configuration["DataProtection:CertificatePassword"]));
        else if (builder.Environment.IsProduction())
            builder.Services.AddHostedService<UnprotectedKeysWarning>();
        return builder;
    }

    private static X509Certificate2 LoadCertificate(string path, string? password)
    {
        var full = Path.GetFullPath(path);
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(full, password);
            if (!certificate.HasPrivateKey)
                throw new InvalidOperationException($"DataProtection:CertificatePath '{full}' holds no private key; export the certificate with its key (.pfx).");
            return certificate;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new InvalidOperationException(
                $"DataProtection:CertificatePath '{full}' could not be read ({e.Message}). The server needs that .pfx file, readable by its "
                + "service account, and its password in the environment variable DataProtection__CertificatePassword; see README, Key protection.", e);
        }
    }

    private sealed class UnprotectedKeysWarning(ILogger<UnprotectedKeysWarning> log) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            log.LogWarning("The data-protection keys are stored unencrypted in the database: anyone with a copy of it can forge a sign-in. "
                + "Set DataProtection:CertificatePath to a .pfx certificate (README, Key protection)");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
