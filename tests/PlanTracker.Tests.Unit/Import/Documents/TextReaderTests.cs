using PlanTracker.Core.Import;
using PlanTracker.Core.Import.Documents;

namespace PlanTracker.Tests.Unit.Import.Documents;

public sealed class TextReaderTests
{
    [Fact]
    public void Text_without_a_task_table_says_so_in_Vietnamese()
    {
        var reading = TextPlanReader.Read("KẾ HOẠCH\n\nCông tác cải cách hành chính năm 2019\n\nMột đoạn văn không có bảng.\n");

        var problem = Assert.Single(reading.Problems);
        Assert.StartsWith("Không tìm thấy bảng nhiệm vụ", problem.Message, StringComparison.Ordinal);
        Assert.True(reading.HasErrors);
        Assert.Empty(reading.Plan.Sections!);
    }

    private const string Head = "KẾ HOẠCH\nCải cách hành chính năm 2020\n\nTT Hoạt động Sản phẩm Đơn vị chủ trì Đơn vị phối hợp Thời gian hoàn thành\n";

    private static readonly string[] Directory = ["Sở Tư pháp", "Sở Nội vụ", "Sở, ngành TP", "UBND quận, huyện"];

    /// <summary>A task row as a PDF's text gives it: each cell's lines one after another, in column order.</summary>
    private static string Row(string activity, string product, string lead, string coordinating, string deadline) =>
        string.Join("\n", activity, product, lead, coordinating, deadline) + "\n";

    private static DocumentReading Read(string table) => TextPlanReader.Read(Head + table, Directory);

    private static List<TaskDto> Tasks(DocumentReading reading) =>
        [.. reading.Plan.Sections!.SelectMany(s => s.Tasks!).SelectMany(t => t.Subtasks!.Prepend(t))];

    [Fact]
    public void A_section_row_starts_a_section_and_task_labels_give_codes_in_Vietnamese_letter_order()
    {
        var reading = Read("1 Cải cách thể chế\n"
            + Row("a) Rà soát các văn bản quy phạm pháp luật do\nHĐND thành phố ban hành", "Báo cáo kết quả", "Sở Tư pháp", "Sở Nội vụ", "Quý IV năm 2020")
            + Row("đ) Theo dõi tình hình thi hành pháp luật năm\n2020 tại thành phố", "Báo cáo", "Sở Tư pháp", "Sở Nội vụ", "Tháng 12 năm 2020")
            + "2 Cải cách thủ tục hành chính\n"
            + Row("a) Công khai thủ tục hành chính trên Cổng dịch\nvụ công thành phố", "Danh mục thủ tục", "Sở Nội vụ", "Sở Tư pháp", "Quý II năm 2020"));

        Assert.Equal([(1, "Cải cách thể chế"), (2, "Cải cách thủ tục hành chính")], reading.Plan.Sections!.Select(s => (s.Number!.Value, s.Title!)));
        Assert.Equal(["1.a", "1.đ", "2.a"], Tasks(reading).Select(t => t.Code!));
        var first = Tasks(reading)[0];
        Assert.Equal(("Rà soát các văn bản quy phạm pháp luật do HĐND thành phố ban hành", "Báo cáo kết quả", "Quý IV năm 2020"), (first.Activity, first.Deliverables![0].Product, first.Deliverables[0].Deadline));
        Assert.Equal(["Sở Tư pháp"], first.LeadUnits!);
        Assert.Equal(["Sở Nội vụ"], first.CoordinatingUnits!);
        Assert.Equal("Dòng 6–11", first.Source);
        Assert.Empty(reading.Problems);
    }

    [Fact]
    public void A_dash_line_after_a_whole_task_row_is_its_sub_item()
    {
        var reading = Read("1 Cải cách thủ tục hành chính\n"
            + Row("a) Thực hiện cơ chế một cửa tại các cơ quan\nhành chính nhà nước", "Báo cáo kết quả", "Sở Nội vụ", "Sở Tư pháp", "Quý IV năm 2020")
            + Row("- Xây dựng bộ hồ sơ mẫu cho các thủ tục hành\nchính thường gặp", "Bộ hồ sơ mẫu", "Sở Tư pháp", "Sở Nội vụ", "Quý II năm 2020"));

        var task = Assert.Single(reading.Plan.Sections!.Single().Tasks!);
        var sub = Assert.Single(task.Subtasks!);
        Assert.Equal(("1.a.1", "Xây dựng bộ hồ sơ mẫu cho các thủ tục hành chính thường gặp", "Bộ hồ sơ mẫu"), (sub.Code, sub.Activity, sub.Deliverables!.Single().Product));
        Assert.Equal("Báo cáo kết quả", task.Deliverables!.Single().Product);
    }

    [Fact]
    public void A_word_cut_after_its_hyphen_at_a_line_end_is_joined_whole()
    {
        var reading = Read("1 Cải cách thể chế\n"
            + Row("a) Triển khai thực hiện Kế hoạch số 07-\nKH/TW của Thành ủy", "Báo cáo kết quả", "Sở Nội vụ", "Sở Tư pháp", "Quý IV năm 2020"));

        Assert.Equal("Triển khai thực hiện Kế hoạch số 07-KH/TW của Thành ủy", Tasks(reading).Single().Activity);
    }

    [Fact]
    public void The_header_repeated_at_a_page_break_with_its_page_number_is_no_row()
    {
        var reading = Read("1 Cải cách thể chế\n"
            + Row("a) Rà soát các văn bản quy phạm pháp luật do\nHĐND thành phố ban hành", "Báo cáo kết quả", "Sở Tư pháp", "Sở Nội vụ", "Quý IV năm 2020")
            + "7\nTT Hoạt động Sản phẩm Đơn vị chủ trì Đơn vị phối hợp Thời gian hoàn thành\n"
            + Row("b) Theo dõi tình hình thi hành pháp luật năm\n2020 tại thành phố", "Báo cáo", "Sở Tư pháp", "Sở Nội vụ", "Tháng 12 năm 2020"));

        Assert.Equal(["1.a", "1.b"], Tasks(reading).Select(t => t.Code!));
        Assert.Equal(("Sở Nội vụ", "Tháng 12 năm 2020"), (Tasks(reading)[0].CoordinatingUnits!.Single(), Tasks(reading)[1].Deliverables!.Single().Deadline));
        Assert.Empty(reading.Problems);
    }

    [Fact]
    public void A_group_name_with_a_comma_stays_one_unit()
    {
        var reading = Read("1 Cải cách thể chế\n"
            + Row("a) Rà soát các văn bản quy phạm pháp luật do\nHĐND thành phố ban hành", "Báo cáo kết quả", "Sở Tư pháp", "Sở, ngành TP, UBND quận, huyện", "Quý IV năm 2020"));

        Assert.Equal(["Sở, ngành TP", "UBND quận, huyện"], Tasks(reading).Single().CoordinatingUnits!);
    }

    [Fact]
    public void A_deadline_the_parser_cannot_read_is_kept_and_flagged_at_its_lines()
    {
        var reading = Read("1 Cải cách thể chế\n"
            + Row("a) Rà soát các văn bản quy phạm pháp luật do\nHĐND thành phố ban hành", "Báo cáo kết quả", "Sở Tư pháp", "Sở Nội vụ", "Trước kỳ họp thứ hai"));

        Assert.Equal("Trước kỳ họp thứ hai", Tasks(reading).Single().Deliverables!.Single().Deadline);
        var problem = Assert.Single(reading.Problems);
        Assert.Equal(("Dòng 6–11", "Ô thời hạn không đọc được: “Trước kỳ họp thứ hai”."), (problem.Place, problem.Message));
    }
}
