using MailKit.Security;

namespace PlanTracker.Web.Features.Reminders;

public enum MailMode { Pickup, Smtp }

/// <summary>The "Mail" settings. Credentials come from the settings file or, better, the environment (Mail__Smtp__Password).</summary>
public sealed class MailSettings
{
    public MailMode Mode { get; set; } = MailMode.Pickup;
    /// <summary>Where Pickup mode writes one .eml file per message; relative to the app root.</summary>
    public string PickupDirectory { get; set; } = "data/mail";
    public string From { get; set; } = "PlanTracker <no-reply@plantracker.invalid>";
    public SmtpOptions Smtp { get; set; } = new();
    /// <summary>After this many failed attempts a message is dead and waits for an admin.</summary>
    public int MaxAttempts { get; set; } = 8;
    /// <summary>The wait after the first failure; it doubles with each further failure, up to RetryMaxSeconds.</summary>
    public int RetryBaseSeconds { get; set; } = 60;
    public int RetryMaxSeconds { get; set; } = 3600;
    /// <summary>
    /// How many messages a dispatcher claims at a time. Small, so that a crash leaves few claims behind:
    /// a dispatcher stopped in any other way gives its untried claims back at once.
    /// </summary>
    public int BatchSize { get; set; } = 10;
    /// <summary>
    /// How long a claim holds. Each message's claim is renewed just before it is sent, so another dispatcher
    /// can take it over only if one send took this long; keep it many times Smtp:TimeoutSeconds.
    /// </summary>
    public int ClaimSeconds { get; set; } = 600;
    /// <summary>
    /// Lines listed in one digest; the rest are counted, with a link to the full list. 200 lines make about
    /// 0.4 MB of mail; a catch-up digest of Sở Nội vụ without a cap reached 22.6 MB.
    /// </summary>
    public int MaxDigestLines { get; set; } = 200;
    /// <summary>
    /// Every message stays under this size as sent (headers, HTML and text parts, encoded); well below the
    /// common 10 MB server limit. A digest over it lists fewer lines.
    /// </summary>
    public long MaxMessageBytes { get; set; } = 5_000_000;
    /// <summary>While the dispatcher is idle, readiness learns whether mail can leave from a check this often.</summary>
    public int ProbeEverySeconds { get; set; } = 60;
    /// <summary>That check gives up after this long, so a hanging server cannot hold it.</summary>
    public int ProbeTimeoutSeconds { get; set; } = 5;

    /// <summary>Where mail goes, for the operator: the pickup folder's full path, or the SMTP server as host:port.</summary>
    public string Target => Mode == MailMode.Smtp ? $"{Smtp.Host}:{Smtp.Port}" : Path.GetFullPath(PickupDirectory);

    public TimeSpan ClaimFor => TimeSpan.FromSeconds(Math.Max(1, ClaimSeconds));

    public TimeSpan RetryDelay(int attempts)
    {
        var seconds = Math.Max(1, RetryBaseSeconds) * Math.Pow(2, Math.Max(0, attempts - 1));
        return TimeSpan.FromSeconds(Math.Min(seconds, Math.Max(RetryBaseSeconds, RetryMaxSeconds)));
    }
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    /// <summary>MailKit's own choices by name: None, StartTls or SslOnConnect.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;
    public string User { get; set; } = "";
    public string Password { get; set; } = "";
    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>When the recurring jobs run: cron expressions read in the configured time zone.</summary>
public sealed class ReminderJobSettings
{
    /// <summary>Every working morning at 07:00.</summary>
    public string DailyCron { get; set; } = "0 7 * * 1-5";
    /// <summary>Sends what is pending (retries included) every 10 minutes.</summary>
    public string DispatchCron { get; set; } = "*/10 * * * *";
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";
}
