using PlanTracker.Core.Import.Documents;

namespace PlanTracker.Tests.Unit.Import;

public class UnitNamesTests
{
    [Theory]
    [InlineData("Sở Tư pháp, Sở Nội vụ", new[] { "Sở Tư pháp", "Sở Nội vụ" })]
    [InlineData("Sở, ngành TP, UBND quận, huyện", new[] { "Sở, ngành TP", "UBND quận, huyện" })]
    [InlineData("UBND xã, phường, thị trấn", new[] { "UBND xã, phường, thị trấn" })]
    [InlineData("Sở, ban, ngành TP; UBND quận, huyện", new[] { "Sở, ban, ngành TP", "UBND quận, huyện" })]
    [InlineData("Bệnh viện đa khoa TP, quận, huyện, các bệnh viện chuyên khoa", new[] { "Bệnh viện đa khoa TP, quận, huyện", "các bệnh viện chuyên khoa" })]
    [InlineData("Sở Nội vụ (Ban Tôn giáo, Ban Thi đua - Khen thưởng), Sở Tư pháp", new[] { "Sở Nội vụ (Ban Tôn giáo, Ban Thi đua - Khen thưởng)", "Sở Tư pháp" })]
    [InlineData("- Sở Tư pháp\n- Sở Nội vụ", new[] { "Sở Tư pháp", "Sở Nội vụ" })]
    [InlineData("Sở Tư pháp; Sở Tư pháp", new[] { "Sở Tư pháp" })]
    public void A_unit_cell_splits_between_units_but_never_inside_a_group_name(string cell, string[] names) =>
        Assert.Equal(names, UnitNames.Split(cell));

    [Fact]
    public void An_empty_cell_names_no_unit() => Assert.Empty(UnitNames.Split("  \n "));
}
