using System.Text;
using PlanTracker.Core.Import;
using PlanTracker.Core.Import.Documents;

namespace PlanTracker.Tests.Unit.Import;

public class PlanFileJsonTests
{
    [Fact]
    public void A_written_plan_file_keeps_verification_and_the_higher_level_mark_through_reading_it_back()
    {
        var plan = new PlanFile
        {
            Plan = new PlanHeaderDto { Number = "12/KH-UBND", Title = "Cải cách hành chính năm 2020", Year = 2020, VerifiesCompletions = true },
            Sections = [new SectionDto { Number = 1, Title = "Cải cách thể chế", Tasks =
            [
                new TaskDto { Code = "1.a", Activity = "Rà soát văn bản", AssignedByHigherLevel = true },
                new TaskDto { Code = "1.b", Activity = "Kiểm tra văn bản" },
            ] }],
        };

        var json = PlanFileJson.Write(plan);
        var read = PlanDocuments.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), new DocumentLimits());

        Assert.Contains("\"verifiesCompletions\": true", json, StringComparison.Ordinal);
        Assert.Single(json.Split("assignedByHigherLevel")[1..]); // written where true only
        Assert.Empty(read.Problems);
        Assert.True(read.Plan.Plan!.VerifiesCompletions);
        Assert.Equal([true, false], read.Plan.Sections![0].Tasks!.Select(t => t.AssignedByHigherLevel));
    }
}
