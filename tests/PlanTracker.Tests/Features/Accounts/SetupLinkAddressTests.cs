using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Accounts;

public class SetupLinkAddressTests
{
    private sealed class KestrelHost : PlanTrackerFactory
    {
        public KestrelHost()
        {
            Settings["Urls"] = "http://127.0.0.1:0";
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        }
    }

    [Fact]
    public async Task The_setup_link_in_the_log_uses_the_address_the_server_listens_on()
    {
        using var host = new KestrelHost();

        host.StartServer();

        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        Assert.DoesNotContain(":5080", address);
        var log = string.Concat(Directory.GetFiles(host.Folder.File("logs")).Select(ReadShared));
        var line = Assert.Single(log.Split('\n'), l => l.Contains("Create the first admin", StringComparison.Ordinal));
        Assert.Contains($"at {address}/setup/", line);
        // The public address from App:BaseUrl (appsettings.json: port 5080) is named beside it, not instead of it.
        Assert.Contains("App:BaseUrl: http://localhost:5080/setup/", line);
        var path = new Uri(line[line.IndexOf(address + "/setup/", StringComparison.Ordinal)..].Split(' ')[0]).AbsolutePath;
        using var client = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(address + path)).StatusCode);
    }

    private static string ReadShared(string path)
    {
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return reader.ReadToEnd();
    }
}
