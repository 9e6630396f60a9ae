using PlanTracker.Core.Import.Documents;

namespace PlanTracker.Tests.Unit.Import;

/// <summary>Unit cells split as seed/README.md says: at ";" and the commas between units, never inside a group name.</summary>
public class PrintedUnitsTests
{
    [Theory]
    [InlineData("Sở, ngành TP, UBND quận, huyện", new[] { "Sở, ngành TP", "UBND quận, huyện" })]
    [InlineData("Sở, ban, ngành TP", new[] { "Sở, ban, ngành TP" })]
    [InlineData("Sở, ngành thành phố (TP), UBND quận, huyện", new[] { "Sở, ngành thành phố (TP)", "UBND quận, huyện" })]
    [InlineData("Sở, ngành TP, UBND quận, huyện, xã phường, thị trấn", new[] { "Sở, ngành TP", "UBND quận, huyện, xã phường, thị trấn" })]
    [InlineData("Bệnh viện đa khoa TP, quận, huyện; các bệnh viện chuyên khoa", new[] { "Bệnh viện đa khoa TP, quận, huyện", "các bệnh viện chuyên khoa" })]
    [InlineData("Văn phòng HĐND TP, Văn phòng UBND TP, Sở Nội vụ (Chi cục Văn thư lưu trữ)", new[] { "Văn phòng HĐND TP", "Văn phòng UBND TP", "Sở Nội vụ (Chi cục Văn thư lưu trữ)" })]
    [InlineData("Sở Thông tin và Truyền thông, cơ quan truyền thông, báo đài, các đơn vị khác có liên quan",
        new[] { "Sở Thông tin và Truyền thông", "cơ quan truyền thông", "báo đài", "các đơn vị khác có liên quan" })]
    [InlineData("Sở, ngành TP; UBND các cấp", new[] { "Sở, ngành TP", "UBND các cấp" })]
    [InlineData("", new string[0])]
    public void SplitsAtTheCommasBetweenUnitsOnly(string cell, string[] expected) =>
        Assert.Equal(expected, PrintedUnits.Split(cell));
}
