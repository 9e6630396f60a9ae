using PlanTracker.Core.Import.Documents;

namespace PlanTracker.Tests.Unit.Import;

public class NearestNamesTests
{
    private static readonly (string Owner, string Name)[] Directory =
    [
        ("STP", "Sở Tư pháp"), ("STP", "STP"), ("SNV", "Sở Nội vụ"), ("STC", "Sở Tài chính"),
        ("SXD", "Sở Xây dựng"), ("QH", "UBND quận, huyện"), ("QH", "UBND cấp huyện"),
    ];

    [Theory]
    [InlineData("Sở Tư Phap", "STP")]
    [InlineData("So Noi Vu", "SNV")]
    [InlineData("UBND các quận, huyện", "QH")]
    public void A_name_misspelt_or_without_diacritics_finds_its_unit_first(string name, string expected) =>
        Assert.Equal(expected, NearestNames.Nearest(name, Directory)[0]);

    [Fact]
    public void At_most_three_owners_each_once_and_nothing_unlike()
    {
        var nearest = NearestNames.Nearest("Sở Tài nguyên", Directory);

        Assert.InRange(nearest.Count, 1, 3);
        Assert.Equal(nearest.Distinct(), nearest);
        Assert.Empty(NearestNames.Nearest("xyz", Directory));
    }

    [Fact]
    public void Similarity_is_1_for_equal_keys_and_0_for_nothing_in_common()
    {
        Assert.Equal(1, NearestNames.Similarity("so tu phap", "so tu phap"));
        Assert.Equal(0, NearestNames.Similarity("abc", "xyz"));
    }
}
