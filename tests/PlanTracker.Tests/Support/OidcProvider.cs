using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace PlanTracker.Tests.Support;

/// <summary>An account the test provider knows: its login on the provider's sign-in page is also its subject.</summary>
public sealed record ProviderAccount(string Login, string Email, bool EmailVerified);

/// <summary>
/// A real OpenID provider on 127.0.0.1: the certified npm package oidc-provider, run by the machine's Node.js from
/// tests/oidc-provider/provider.mjs (test.sh installs nodejs and runs npm ci there). Its sign-in page accepts any
/// password for a known login. Killed, with anything it started, at dispose.
/// </summary>
public sealed class OidcProvider : IDisposable
{
    public const string ClientId = "plantracker-test";
    public const string ClientSecret = "secret-of-the-test-client";

    private readonly StringBuilder output = new();
    private Process? process;

    public int Port { get; } = LoopbackPort.Free();
    public string Issuer => $"http://127.0.0.1:{Port}";

    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "oidc-provider");

    public async Task StartAsync(string redirectUri, IEnumerable<ProviderAccount> accounts)
    {
        if (process is not null) throw new InvalidOperationException("The OpenID provider is running already.");
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "oidc-provider")))
            throw new InvalidOperationException(
                $"The test OpenID provider's packages are missing: run `npm ci --prefix tests/oidc-provider` (test.sh does) in {RepoPaths.Root}.");
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.ArgumentList.Add("provider.mjs");
        info.Environment["PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["REDIRECT_URI"] = redirectUri;
        info.Environment["CLIENT_ID"] = ClientId;
        info.Environment["CLIENT_SECRET"] = ClientSecret;
        info.Environment["ACCOUNTS"] = JsonSerializer.Serialize(accounts.Select(a => new { login = a.Login, email = a.Email, email_verified = a.EmailVerified }));
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("Could not start node.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("Node.js is missing (`node` is not on the PATH): test.sh installs Debian's nodejs and npm.", e);
        }
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (process.HasExited) break;
            try
            {
                if ((await http.GetAsync(Issuer + "/.well-known/openid-configuration")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) break;
            await Task.Delay(100);
        }
        string said;
        lock (output) said = output.ToString();
        Dispose();
        throw new InvalidOperationException($"The test OpenID provider did not serve its discovery document at {Issuer}: {said}");
    }

    public void Dispose()
    {
        if (process is null) return;
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        finally
        {
            process.Dispose();
            process = null;
        }
    }
}
