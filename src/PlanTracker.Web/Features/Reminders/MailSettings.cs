namespace PlanTracker.Web.Features.Reminders;

public enum MailMode { Pickup, Smtp }

public enum SmtpSecurity { None, StartTls, SslOnConnect }

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
    /// <summary>How many messages a dispatcher claims at a time.</summary>
    public int BatchSize { get; set; } = 200;

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
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
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
