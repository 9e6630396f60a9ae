using PlanTracker.Core.Import.Documents;

namespace PlanTracker.Tests.Unit.Import;

/// <summary>Unit cells split as seed/README.md says: at ";" and the commas between units, never inside a group name.</summary>
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
    [InlineData("Sở, ban, ngành TP", new[] { "Sở, ban, ngành TP" })]
    [InlineData("Sở, ngành thành phố (TP), UBND quận, huyện", new[] { "Sở, ngành thành phố (TP)", "UBND quận, huyện" })]
    [InlineData("Sở, ngành TP, UBND quận, huyện, xã phường, thị trấn", new[] { "Sở, ngành TP", "UBND quận, huyện, xã phường, thị trấn" })]
    [InlineData("Bệnh viện đa khoa TP, quận, huyện; các bệnh viện chuyên khoa", new[] { "Bệnh viện đa khoa TP, quận, huyện", "các bệnh viện chuyên khoa" })]
    [InlineData("Văn phòng HĐND TP, Văn phòng UBND TP, Sở Nội vụ (Chi cục Văn thư lưu trữ)", new[] { "Văn phòng HĐND TP", "Văn phòng UBND TP", "Sở Nội vụ (Chi cục Văn thư lưu trữ)" })]
    [InlineData("Sở Thông tin và Truyền thông, cơ quan truyền thông, báo đài, các đơn vị khác có liên quan",
        new[] { "Sở Thông tin và Truyền thông", "cơ quan truyền thông", "báo đài", "các đơn vị khác có liên quan" })]
    [InlineData("Sở, ngành TP; UBND các cấp", new[] { "Sở, ngành TP", "UBND các cấp" })]
    [InlineData("Sở, cơ quan ngang sở", new[] { "Sở, cơ quan ngang sở" })]
    [InlineData("", new string[0])]
    public void A_unit_cell_splits_between_units_but_never_inside_a_group_name(string cell, string[] names) =>
        Assert.Equal(names, UnitNames.Split(cell));

    [Fact]
    public void An_empty_cell_names_no_unit() => Assert.Empty(UnitNames.Split("  \n "));
}
