using System.Net;
using System.Net.Sockets;

// Compiled into PlanTracker.Tests and PlanTracker.Benchmarks (a linked file), in the namespace the tests know.
namespace PlanTracker.Tests.Support;

public static class LoopbackPort
{
    /// <summary>A port on 127.0.0.1 that nothing listens on right now, for a server a test or a benchmark starts.</summary>
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
