namespace PlanTracker.Core.PeriodicReports;

public enum ReportState
{
    /// <summary>Chưa đến hạn.</summary>
    NotYetDue,
    /// <summary>Chưa nộp (quá hạn).</summary>
    Missing,
    /// <summary>Nộp đúng hạn.</summary>
    OnTime,
    /// <summary>Nộp trễ hạn.</summary>
    Late,
}

/// <summary>
/// The one rule for a periodic report, like <see cref="States.StateClassifier"/> for deliverables: submitted
/// on or before the due date is on time, after it is late; not submitted is missing once the due date has
/// passed. A submission dated after the as-of date did not exist yet on that date.
/// </summary>
public static class ReportStatus
{
    public static ReportState Classify(DateOnly due, DateOnly? submittedOn, DateOnly asOf)
    {
        if (submittedOn is { } s && s <= asOf) return s <= due ? ReportState.OnTime : ReportState.Late;
        return asOf <= due ? ReportState.NotYetDue : ReportState.Missing;
    }

    public static bool IsSubmitted(this ReportState state) => state is ReportState.OnTime or ReportState.Late;

    /// <summary>As a cell of the /reports grid says it.</summary>
    public static string Label(this ReportState state) => state switch
    {
        ReportState.OnTime => "Nộp đúng hạn",
        ReportState.Late => "Nộp trễ hạn",
        ReportState.Missing => "Chưa nộp (quá hạn)",
        _ => "Chưa đến hạn",
    };

    /// <summary>As the periodic report's and the scorecard's tables say it.</summary>
    public static string ShortLabel(this ReportState state) => state switch
    {
        ReportState.OnTime => "Đúng hạn",
        ReportState.Late => "Trễ hạn",
        ReportState.Missing => "Chưa nộp",
        _ => "Chưa đến hạn",
    };
}
