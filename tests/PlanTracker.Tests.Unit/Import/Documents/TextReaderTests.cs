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
}
