using System.Text;
using PlanTracker.Core.Import.Documents;

namespace PlanTracker.Tests.Unit.Import;

public class PlanDocumentsJsonTests
{
    private static DocumentReading Read(string text) => PlanDocuments.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), new DocumentLimits());

    [Fact]
    public void A_seed_format_plan_file_is_read_as_a_plan_without_problems()
    {
        var reading = Read("""
              { "plan": { "number": "5/KH-UBND", "title": "Kế hoạch", "year": 2020 },
                "sections": [ { "number": 1, "title": "Thể chế", "tasks": [ { "code": "1.a", "activity": "Rà soát", "source": "Bảng 1, dòng 2" } ] } ] }
            """);

        Assert.Empty(reading.Problems);
        Assert.Equal("5/KH-UBND", reading.Plan.Plan!.Number);
        Assert.Equal("Bảng 1, dòng 2", reading.Plan.Sections![0].Tasks![0].Source);
    }

    [Fact]
    public void A_broken_plan_file_is_an_error_placed_at_its_line_not_an_exception()
    {
        var reading = Read("{\n  \"plan\": { \"year\": \"hai nghìn\" }\n}");

        var problem = Assert.Single(reading.Problems);
        Assert.True(reading.HasErrors);
        Assert.Equal("Dòng 2", problem.Place);
        Assert.Contains("$.plan.year", problem.Message);
    }
}
