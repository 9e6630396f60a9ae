using System.Globalization;
using System.Text;
using System.Text.Json;
using PlanTracker.Core.Deadlines;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Unit.Deadlines;

public class DeadlineParserTests
{
    [Theory]
    // Every form Plan 163 prints.
    [InlineData("Quý IV năm 2018", DeadlineKind.Quarter, "2018-10-01", "2018-12-31")]
    [InlineData("Quý I năm 2019", DeadlineKind.Quarter, "2019-01-01", "2019-03-31")]
    [InlineData("Quý II năm 2019", DeadlineKind.Quarter, "2019-04-01", "2019-06-30")]
    [InlineData("Quý III năm 2019", DeadlineKind.Quarter, "2019-07-01", "2019-09-30")]
    [InlineData("Quý IV năm 2019", DeadlineKind.Quarter, "2019-10-01", "2019-12-31")]
    [InlineData("Quý I", DeadlineKind.Quarter, "2019-01-01", "2019-03-31")]
    [InlineData("Tháng 12 năm 2018", DeadlineKind.Month, "2018-12-01", "2018-12-31")]
    [InlineData("Tháng 12 năm 2019", DeadlineKind.Month, "2019-12-01", "2019-12-31")]
    [InlineData("Trong năm 2019", DeadlineKind.Year, "2019-01-01", "2019-12-31")]
    [InlineData("Quý II - Quý IV năm 2019", DeadlineKind.Window, "2019-04-01", "2019-12-31")]
    [InlineData("Hàng quý", DeadlineKind.RecurringQuarterly, "2019-01-01", "2019-12-31")]
    [InlineData("Thường xuyên", DeadlineKind.Ongoing, null, null)]
    [InlineData("Theo hướng dẫn của Bộ Nội vụ", DeadlineKind.SetLater, null, null)]
    // Forms of other plans and documents.
    [InlineData("6 tháng đầu năm 2020", DeadlineKind.HalfYear, "2020-01-01", "2020-06-30")]
    [InlineData("6 tháng cuối năm 2019", DeadlineKind.HalfYear, "2019-07-01", "2019-12-31")]
    [InlineData("Quý III/2019", DeadlineKind.Quarter, "2019-07-01", "2019-09-30")]
    [InlineData("quý 4 năm 2020", DeadlineKind.Quarter, "2020-10-01", "2020-12-31")]
    [InlineData("trước ngày 31/01/2019", DeadlineKind.Date, null, "2019-01-31")]
    [InlineData("trước ngày 31 tháng 01 năm 2019", DeadlineKind.Date, null, "2019-01-31")]
    [InlineData("trước 15/12", DeadlineKind.Date, null, "2019-12-15")]
    [InlineData("Tháng 6/2019", DeadlineKind.Month, "2019-06-01", "2019-06-30")]
    [InlineData("Tháng 2 năm 2020", DeadlineKind.Month, "2020-02-01", "2020-02-29")]
    [InlineData("Hằng quý", DeadlineKind.RecurringQuarterly, "2019-01-01", "2019-12-31")]
    [InlineData("Từ tháng 3 đến tháng 6 năm 2019", DeadlineKind.Window, "2019-03-01", "2019-06-30")]
    [InlineData("QUÝ IV NĂM 2019", DeadlineKind.Quarter, "2019-10-01", "2019-12-31")]
    [InlineData("Quy IV nam 2019", DeadlineKind.Quarter, "2019-10-01", "2019-12-31")]
    public void Reads_the_deadline_forms(string text, DeadlineKind kind, string? start, string? due)
    {
        var parsed = DeadlineParser.Parse(text, 2019);

        Assert.Equal(kind, parsed.Kind);
        Assert.Equal(start is null ? null : DateOnly.Parse(start, CultureInfo.InvariantCulture), parsed.Start);
        Assert.Equal(due is null ? null : DateOnly.Parse(due, CultureInfo.InvariantCulture), parsed.Due);
        Assert.Equal(text, parsed.Text);
    }

    [Fact]
    public void Recurring_quarterly_has_four_occurrences_each_due_at_its_quarter_end()
    {
        var parsed = DeadlineParser.Parse("Hàng quý", 2019);

        Assert.Equal(
            [new(new(2019, 1, 1), new(2019, 3, 31)), new(new(2019, 4, 1), new(2019, 6, 30)),
             new(new(2019, 7, 1), new(2019, 9, 30)), new(new(2019, 10, 1), new(2019, 12, 31))],
            parsed.Occurrences);
    }

    [Fact]
    public void A_qualifier_after_a_readable_deadline_is_kept_as_its_note()
    {
        var parsed = DeadlineParser.Parse("Trong năm 2019, theo chỉ đạo của Thành ủy", 2019);

        Assert.Equal(DeadlineKind.Year, parsed.Kind);
        Assert.Equal(new DateOnly(2019, 12, 31), parsed.Due);
        Assert.Equal("theo chỉ đạo của Thành ủy", parsed.Note);
        Assert.Equal("Trong năm 2019, theo chỉ đạo của Thành ủy", parsed.Text);
    }

    [Fact]
    public void Decomposed_text_reads_like_composed_text_and_comes_back_composed()
    {
        var decomposed = "Quý IV năm 2019".Normalize(NormalizationForm.FormD);

        var parsed = DeadlineParser.Parse(decomposed, 2019);

        Assert.Equal(DeadlineKind.Quarter, parsed.Kind);
        Assert.Equal("Quý IV năm 2019", parsed.Text);
        Assert.True(parsed.Text.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("khi nào xong thì báo")]
    [InlineData("Quý V năm 2019")]
    [InlineData("31/02/2019")]
    [InlineData("Tháng 13 năm 2019")]
    [InlineData("Quý IV - Quý II năm 2019")]
    [InlineData("2019 quý asdf")]
    [InlineData("<script>alert(1)</script>")]
    public void What_it_cannot_read_is_unparsed_and_kept_verbatim(string? text)
    {
        var parsed = DeadlineParser.Parse(text, 2019);

        Assert.Equal(DeadlineKind.Unparsed, parsed.Kind);
        Assert.Null(parsed.Due);
        Assert.Equal((text ?? "").Trim(), parsed.Text);
    }

    [Fact]
    public void Never_throws_on_odd_input()
    {
        var odd = new[] { new string('x', 10_000), "Quý", "Tháng", "năm", "trước ngày", "99/99/9999", "Quý I năm 99999", "\0\u0300" };
        foreach (var text in odd)
            Assert.NotNull(DeadlineParser.Parse(text, 2019));
    }

    [Fact]
    public void Every_deliverable_deadline_in_the_seed_is_understood()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.PlanSeed));
        var year = doc.RootElement.GetProperty("plan").GetProperty("year").GetInt32();
        var deadlines = doc.RootElement.GetProperty("sections").EnumerateArray()
            .SelectMany(s => AllTasks(s.GetProperty("tasks")))
            .SelectMany(t => t.TryGetProperty("deliverables", out var ds) ? ds.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Where(d => d.TryGetProperty("deadline", out var v) && v.ValueKind == JsonValueKind.String)
            .Select(d => d.GetProperty("deadline").GetString()!)
            .ToList();

        Assert.True(deadlines.Count > 60, $"only {deadlines.Count} deadlines found in the seed");
        Assert.All(deadlines, text => Assert.NotEqual(DeadlineKind.Unparsed, DeadlineParser.Parse(text, year).Kind));
    }

    private static IEnumerable<JsonElement> AllTasks(JsonElement tasks) =>
        tasks.EnumerateArray().SelectMany(t =>
            (t.TryGetProperty("subtasks", out var subs) ? AllTasks(subs) : []).Prepend(t));
}
