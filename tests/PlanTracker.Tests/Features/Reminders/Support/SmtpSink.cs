using System.Diagnostics;
using MimeKit;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Reminders.Support;

/// <summary>A message as the loopback server received it: the envelope recipients and the parsed MIME message.</summary>
public sealed record ReceivedMail(IReadOnlyList<string> EnvelopeTo, MimeMessage Message)
{
    public string Text => Message.TextBody ?? "";
    public string Html => Message.HtmlBody ?? "";
}

/// <summary>
/// A real SMTP server on 127.0.0.1 (Debian's aiosmtpd, run by /usr/bin/python3 with smtp_sink.py), on a
/// free port chosen at creation. It can be stopped and started again on the same port, to play a mail
/// server that is down; it is killed at dispose.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    private readonly TempFolder folder = new();
    private Process? process;

    public int Port { get; } = LoopbackPort.Free();
    public string Folder => folder.File("received");

    /// <summary>Starts the server; the options make it refuse (451), reject (550), crawl, stall, limit sizes (552) or hang (see smtp_sink.py).</summary>
    public void Start(int refuseFirst = 0, int rejectFirst = 0, double delaySeconds = 0, int? stallAfter = null, long? sizeLimit = null,
        bool hang = false)
    {
        if (process is not null) throw new InvalidOperationException("The SMTP sink is running already.");
        var script = Path.Combine(RepoPaths.Root, "tests", "PlanTracker.Tests", "Features", "Reminders", "Support", "smtp_sink.py");
        var info = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        foreach (var arg in new[] { script, "--port", Port.ToString(inv), "--dir", Folder, "--refuse", refuseFirst.ToString(inv),
                     "--reject", rejectFirst.ToString(inv), "--delay", delaySeconds.ToString(inv) })
            info.ArgumentList.Add(arg);
        if (stallAfter is { } stall) foreach (var arg in new[] { "--stall-after", stall.ToString(inv) }) info.ArgumentList.Add(arg);
        if (sizeLimit is { } limit) foreach (var arg in new[] { "--size-limit", limit.ToString(inv) }) info.ArgumentList.Add(arg);
        if (hang) info.ArgumentList.Add("--hang");
        process = Process.Start(info) ?? throw new InvalidOperationException("Could not start /usr/bin/python3.");
        var ready = process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromSeconds(90)) || ready.Result != "READY")
        {
            var error = process.HasExited ? process.StandardError.ReadToEnd() : "no READY line within 90 s";
            Stop();
            throw new InvalidOperationException($"The SMTP sink did not start (is python3-aiosmtpd installed?): {error}");
        }
    }

    public void Stop()
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

    /// <summary>How many messages the server has taken so far (cheaper than reading them).</summary>
    public int Count => Directory.Exists(Folder) ? Directory.GetFiles(Folder, "*.eml").Length : 0;

    /// <summary>Waits until the server has taken at least that many messages; polls, bounded by a generous timeout.</summary>
    public async Task WaitForCountAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (Count < count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The SMTP sink took {Count} messages, not {count}, in time.");
            await Task.Delay(20);
        }
    }

    /// <summary>Every message received so far, in arrival order.</summary>
    public List<ReceivedMail> Received()
    {
        if (!Directory.Exists(Folder)) return [];
        return Directory.GetFiles(Folder, "*.eml").Order(StringComparer.Ordinal).Select(file =>
        {
            var message = MimeMessage.Load(file);
            var to = message.Headers["X-Envelope-To"]?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
            return new ReceivedMail(to, message);
        }).ToList();
    }

    public void Dispose()
    {
        Stop();
        folder.Dispose();
    }
}
