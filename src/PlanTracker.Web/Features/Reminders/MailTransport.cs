using System.Net.Sockets;
using MailKit.Net.Smtp;
using MimeKit;

namespace PlanTracker.Web.Features.Reminders;

/// <summary>Where messages go: a mail server over one reused connection, or a folder of .eml files.</summary>
public interface IMailTransport : IAsyncDisposable
{
    Task ConnectAsync(CancellationToken ct);
    Task SendAsync(MimeMessage message, CancellationToken ct);
    bool IsConnected { get; }
}

public sealed class MailTransportFactory(Microsoft.Extensions.Options.IOptions<MailSettings> settings)
{
    public IMailTransport Create() => settings.Value.Mode == MailMode.Smtp
        ? new SmtpTransport(settings.Value.Smtp)
        : new PickupTransport(Path.GetFullPath(settings.Value.PickupDirectory));

    /// <summary>One message straight through the configured transport, outside the outbox: the admin's "Gửi thư thử".</summary>
    public async Task SendTestAsync(MailboxAddress to, DateTimeOffset now, CancellationToken ct)
    {
        var message = new MimeMessage { Subject = "Thư thử từ PlanTracker", Date = now, MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId() };
        message.From.Add(MailboxAddress.Parse(settings.Value.From));
        message.To.Add(to);
        message.Body = new TextPart("plain")
        {
            Text = $"Đây là thư thử do người quản trị PlanTracker gửi lúc {now.ToOffset(TimeSpan.FromHours(7)):dd/MM/yyyy HH:mm} (giờ Việt Nam).\n"
                + "Nhận được thư này nghĩa là thư nhắc việc đến được địa chỉ của anh/chị.",
        };
        await using var transport = Create();
        await transport.ConnectAsync(ct);
        await transport.SendAsync(message, ct);
    }
}

public sealed class SmtpTransport(SmtpOptions options) : IMailTransport
{
    private readonly SmtpClient client = new() { Timeout = Math.Max(1, options.TimeoutSeconds) * 1000 };

    public bool IsConnected => client.IsConnected;

    public async Task ConnectAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(options.Host))
            throw new InvalidOperationException("Mail:Smtp:Host is not set.");
        // Our own socket, to switch Nagle off: otherwise the small end-of-data write of every message waits
        // for the server's delayed ACK (about 40 ms a message) and the dispatcher crawls at ~20 messages a second.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(client.Timeout);
            await socket.ConnectAsync(options.Host, options.Port, timeout.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        await client.ConnectAsync(socket, options.Host, options.Port, options.Security, ct);
        if (!string.IsNullOrEmpty(options.User))
            await client.AuthenticateAsync(options.User, options.Password, ct);
    }

    public Task SendAsync(MimeMessage message, CancellationToken ct) => client.SendAsync(message, ct);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (client.IsConnected) await client.DisconnectAsync(quit: true);
        }
        catch (Exception e) when (e is IOException or MailKit.ProtocolException or MailKit.CommandException or TimeoutException or OperationCanceledException)
        {
            // The messages are marked already; a failed QUIT changes nothing.
        }
        client.Dispose();
    }
}

/// <summary>
/// Writes each message to the pickup folder as "MESSAGE-ID.eml", through a temporary file and a rename, so
/// a reader never sees half a message and a resend after a crash replaces the file instead of adding one.
/// </summary>
public sealed class PickupTransport(string directory) : IMailTransport
{
    public bool IsConnected { get; private set; }

    public Task ConnectAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        IsConnected = true;
        return Task.CompletedTask;
    }

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@' ? c : '_'));
        var final = Path.Combine(directory, name + ".eml");
        var temporary = Path.Combine(directory, "." + name + ".tmp");
        await message.WriteToAsync(temporary, ct);
        File.Move(temporary, final, overwrite: true);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
