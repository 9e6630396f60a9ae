using PlanTracker.Core.Text;

namespace PlanTracker.Tests.Unit.Text;

public class XmlSafeTextTests
{
    /// <summary>Every class of character XML 1.0 cannot carry (theory data names it: xunit cannot serialise lone surrogates).</summary>
    public static string Characters(string characterClass) => characterClass switch
    {
        "C0 controls" => "\u0000\u0001\u0008\u000B\u000C\u000E\u001F",
        "U+FFFE" => "\uFFFE",
        "U+FFFF" => "\uFFFF",
        "lone high surrogate" => "\uD83D",
        "lone low surrogate" => "\uDE00",
        _ => throw new ArgumentOutOfRangeException(nameof(characterClass)),
    };

    [Theory]
    [InlineData("C0 controls")]
    [InlineData("U+FFFE")]
    [InlineData("U+FFFF")]
    [InlineData("lone high surrogate")]
    [InlineData("lone low surrogate")]
    public void XmlSafe_removes_each_character_xml_cannot_carry(string characterClass)
    {
        var bad = Characters(characterClass);

        Assert.Equal("Đã ban hành kế hoạch", VietnameseText.XmlSafe(bad + "Đã ban hành" + bad + " kế hoạch" + bad));
    }

    [Theory]
    [InlineData("C0 controls")]
    [InlineData("U+FFFE")]
    [InlineData("U+FFFF")]
    [InlineData("lone high surrogate")]
    [InlineData("lone low surrogate")]
    public void Clean_removes_them_too_instead_of_throwing(string characterClass)
    {
        var bad = Characters(characterClass);

        Assert.Equal("Số 45/BC-STP", VietnameseText.Clean("Số 45/BC" + bad + "-STP" + bad));
    }

    [Fact]
    public void XmlSafe_keeps_tabs_line_breaks_vietnamese_letters_and_whole_surrogate_pairs()
    {
        const string text = "Kết quả:\tđạt\r\n- 12 phường 😀\u00A0Tiếp tục";

        Assert.Same(text, VietnameseText.XmlSafe(text));
    }

    [Fact]
    public void A_pair_in_the_wrong_order_is_two_lone_surrogates()
    {
        Assert.Equal("ab", VietnameseText.XmlSafe("a\uDE00\uD83Db"));
    }
}
