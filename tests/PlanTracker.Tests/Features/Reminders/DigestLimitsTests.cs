using PlanTracker.Core.Deadlines;
using PlanTracker.Core.Reminders;
using PlanTracker.Core.States;

namespace PlanTracker.Tests.Features.Reminders;

/// <summary>DigestWriter's caps, on a digest of 1,000 overdue lines: the line cap, then the size rule halving it.</summary>
public class DigestLimitsTests
{
    private static readonly DateOnly Today = new(2019, 4, 1);

    [Fact]
    public void Lists_at_most_the_line_cap_and_counts_and_links_the_rest()
    {
        var digest = Digest(1000);

        Writer(new DigestLimits(200, long.MaxValue)).Write(digest);

        Assert.Equal(200, Listed(digest));
        Assert.Contains("ĐÃ QUÁ HẠN (1000)", digest.Text);
        Assert.Contains("… và 800 việc khác không liệt kê trong thư này (thư chỉ liệt kê tối đa 200 mục).", digest.Text);
        Assert.Contains("https://pt.test/tasks?Unit=7&Role=Lead&State=Overdue,InProgress", digest.Text);
        Assert.Contains("https://pt.test/tasks?Unit=7&amp;Role=Lead&amp;State=Overdue,InProgress", digest.Html);
    }

    [Fact]
    public void A_digest_over_the_byte_limit_lists_fewer_lines_until_it_fits()
    {
        var whole = Digest(1000);
        Writer(new DigestLimits(1000, long.MaxValue)).Write(whole);
        var limit = DigestWriter.EncodedSize(whole) / 10;
        var capped = Digest(1000);

        Writer(new DigestLimits(1000, limit)).Write(capped);

        Assert.True(DigestWriter.EncodedSize(capped) <= limit);
        Assert.InRange(Listed(capped), 1, 100);
        Assert.Contains("ĐÃ QUÁ HẠN (1000)", capped.Text);
    }

    [Fact]
    public void The_size_bound_is_never_below_what_is_sent()
    {
        var digest = Digest(300);
        Writer(DigestLimits.Default).Write(digest);
        var mime = new MimeKit.MimeMessage { Subject = digest.Subject };
        mime.From.Add(MimeKit.MailboxAddress.Parse("no-reply@pt.test"));
        mime.To.Add(MimeKit.MailboxAddress.Parse(digest.Recipients[0]));
        mime.Body = new MimeKit.BodyBuilder { TextBody = digest.Text, HtmlBody = digest.Html }.ToMessageBody();
        mime.Prepare(MimeKit.EncodingConstraint.SevenBit);
        using var measure = new MimeKit.IO.MeasuringStream();
        mime.WriteTo(measure);

        Assert.True(measure.Length <= DigestWriter.EncodedSize(digest), $"{measure.Length} > {DigestWriter.EncodedSize(digest)}");
    }

    private static DigestWriter Writer(DigestLimits limits) =>
        new("https://pt.test", Today, new Dictionary<int, string> { [7] = "Sở Thông tin và Truyền thông" }, 14, limits);

    private static int Listed(Digest digest) => digest.Text.Split("Xem nhiệm vụ:").Length - 1;

    private static Digest Digest(int lines) => new()
    {
        UnitId = 7, UnitName = "Sở Thông tin và Truyền thông", Recipients = ["stttt@cantho.example"],
        Lines = Enumerable.Range(1, lines).Select(i => new DigestLine(ReminderRule.Overdue, $"d{i}::u7", Today, new DateOnly(2019, 1, 31),
            Work: new WorkItem(1, 6, i, 100 + i, "6.đ", "Triển khai dịch vụ công trực tuyến mức độ 3, 4 trên địa bàn thành phố", $"Báo cáo kết quả, đợt {i}",
                7, "", DeadlineKind.Month, "Tháng 1 năm 2019", new DateOnly(2019, 1, 31), DeliverableState.Overdue, null))).ToList(),
    };
}
