using System.IO.Compression;
using PlanTracker.Core.Import;
using PlanTracker.Core.Import.Documents;
using PlanTracker.Tests.Support;
using static PlanTracker.Tests.Import.Documents.PlanHtml;

namespace PlanTracker.Tests.Import.Documents;

/// <summary>Word documents that LibreOffice wrote from HTML tables, read through <see cref="PlanDocuments.Read"/>.</summary>
public sealed class WordReaderTests
{
    [Fact]
    public async Task Plan163TableWrittenByLibreOfficeReadsAsTheSeed()
    {
        using var folder = new TempFolder();
        var seed = Seed163();
        var docx = await DocxAsync(folder, "plan-163", Plan(seed));

        var reading = Read(docx);

        Assert.DoesNotContain(reading.Problems, p => p.IsError);
        PlanFileDiff.AssertSame(seed, reading.Plan);
        var header = reading.Plan.Plan!;
        Assert.Equal("163/KH-UBND", header.Number);
        Assert.Equal("2018-12-28", header.IssuedOn);
        Assert.Equal("Công tác cải cách hành chính năm 2019", header.Title);
        Assert.Equal(2019, header.Year);
        Assert.Equal("Ủy ban nhân dân thành phố Cần Thơ", header.Issuer);
        Assert.Equal(seed.Sections!.Select(s => s.Title), reading.Plan.Sections!.Select(s => s.Title));
        Assert.StartsWith("Bảng 2, dòng ", reading.Plan.Sections![0].Tasks![0].Source, StringComparison.Ordinal);
    }

    private const string FeaturesTable =
        "<table border=\"1\"><thead><tr><th>STT</th><th>Nhiệm vụ</th><th>Cơ quan chủ trì</th><th>Sản phẩm</th><th>Thời hạn</th><th>Cơ quan phối hợp</th><th>Ghi chú</th></tr></thead><tbody>"
        + "<tr><td colspan=\"7\">I. CẢI CÁCH THỂ CHẾ</td></tr>"
        + "<tr><td rowspan=\"2\">a)</td><td rowspan=\"2\">Rà soát văn bản</td><td rowspan=\"2\">Sở Tư pháp</td><td>Kế hoạch</td><td>Quý I năm 2020</td><td rowspan=\"2\">Sở, ngành TP, UBND quận, huyện</td><td rowspan=\"2\">ghi chú</td></tr>"
        + "<tr><td>Báo cáo</td><td>Quý IV năm 2020</td></tr>"
        + "<tr><td>b</td><td>Thẩm định nghị quyết</td><td>Sở Tư pháp; Sở Nội vụ</td><td><p>- Báo cáo thẩm định</p><p>- Tờ trình</p></td><td rowspan=\"2\">Trong năm 2020</td><td></td><td></td></tr>"
        + "<tr><td></td><td></td><td></td><td>Dự thảo nghị quyết</td><td></td><td></td></tr>"
        + "<tr><td>c.</td><td></td><td>Sở Nội vụ</td><td>Báo cáo</td><td>Quý II năm 2020</td><td></td><td></td></tr>"
        + "<tr><td>II</td><td>Cải cách thủ tục hành chính</td><td></td><td></td><td></td><td></td><td></td></tr>"
        + "<tr><td>1.</td><td>Công bố thủ tục</td><td>Văn phòng UBND TP</td><td>Quyết định</td><td>Thường xuyên</td><td>Sở, ban, ngành TP</td><td></td></tr>"
        + "<tr><td>1.1</td><td>Công bố thủ tục cấp tỉnh</td><td>Sở Tư pháp</td><td>Quyết định</td><td>Quý I</td><td></td><td></td></tr>"
        + "<tr><td>-</td><td>Cập nhật cơ sở dữ liệu</td><td>Sở Thông tin và Truyền thông</td><td>Báo cáo</td><td>Quý III</td><td>UBND xã, phường, thị trấn</td><td></td></tr>"
        + "</tbody></table>";

    private const string FeaturesContinued =
        "<p>(tiếp theo)</p><table border=\"1\"><thead><tr><th>STT</th><th>Nhiệm vụ</th><th>Cơ quan chủ trì</th><th>Sản phẩm</th><th>Thời hạn</th><th>Cơ quan phối hợp</th><th>Ghi chú</th></tr></thead><tbody>"
        + "<tr><td>2.</td><td>Tiếp nhận phản ánh</td><td>Văn phòng UBND TP</td><td>Văn bản</td><td>Trong năm 2020</td><td>Bệnh viện đa khoa TP, quận, huyện; các bệnh viện chuyên khoa</td><td></td></tr>"
        + "<tr><td colspan=\"7\">3. Hiện đại hóa hành chính</td></tr>"
        + "<tr><td>a</td><td>Ứng dụng công nghệ thông tin</td><td>Sở Thông tin và Truyền thông</td><td>Kế hoạch</td><td>Tháng 12 năm 2020</td><td></td><td></td></tr>"
        + "</tbody></table>";

    [Fact]
    public async Task TablesAsPeopleMakeThemReadIntoTasksProductsAndSubItems()
    {
        using var folder = new TempFolder();
        var html = Document("<p>ỦY BAN NHÂN DÂN</p><p>THÀNH PHỐ CẦN THƠ</p><p>Số: 12/KH-UBND</p><p>Cần Thơ, ngày 05 tháng 01 năm 2021</p>"
            + "<p>KẾ HOẠCH</p><p>Cải cách hành chính giai đoạn 2021-2025</p><p>-----</p>" + FeaturesTable + FeaturesContinued);
        var reading = Read(await DocxAsync(folder, "features", html));
        var sections = reading.Plan.Sections!;

        Assert.Equal([1, 2, 3], sections.Select(s => s.Number));
        Assert.Equal(["CẢI CÁCH THỂ CHẾ", "Cải cách thủ tục hành chính", "Hiện đại hóa hành chính"], sections.Select(s => s.Title));
        var (a, b) = (sections[0].Tasks![0], sections[0].Tasks![1]);
        Assert.Equal(("1.a", "Rà soát văn bản"), (a.Code, a.Activity));
        Assert.Equal(["Sở Tư pháp"], a.LeadUnits!);
        Assert.Equal(["Sở, ngành TP", "UBND quận, huyện"], a.CoordinatingUnits!);
        Assert.Equal([("Kế hoạch", "Quý I năm 2020"), ("Báo cáo", "Quý IV năm 2020")], a.Deliverables!.Select(d => (d.Product, d.Deadline)));
        Assert.Equal("1.b", b.Code);
        Assert.Equal(["Sở Tư pháp", "Sở Nội vụ"], b.LeadUnits!);
        Assert.Equal([("Báo cáo thẩm định", "Trong năm 2020"), ("Tờ trình", "Trong năm 2020"), ("Dự thảo nghị quyết", "Trong năm 2020")],
            b.Deliverables!.Select(d => (d.Product, d.Deadline)));
        Assert.Equal(2, sections[0].Tasks!.Count);
        Assert.Contains(reading.Problems, p => p.IsError && p.Message.Contains("“c.” nhưng không có nội dung", StringComparison.Ordinal) && p.Place.StartsWith("Bảng 1, dòng ", StringComparison.Ordinal));

        var one = Assert.Single(sections[1].Tasks!, t => t.Code == "2.1");
        Assert.Equal(["2.1.1", "2.1.2"], one.Subtasks!.Select(s => s.Code));
        Assert.Equal("Cập nhật cơ sở dữ liệu", one.Subtasks![1].Activity);
        Assert.Equal(["UBND xã, phường, thị trấn"], one.Subtasks[1].CoordinatingUnits!);
        var two = sections[1].Tasks![1];
        Assert.Equal(("2.2", "Tiếp nhận phản ánh"), (two.Code, two.Activity));
        Assert.Equal(["Bệnh viện đa khoa TP, quận, huyện", "các bệnh viện chuyên khoa"], two.CoordinatingUnits!);
        Assert.StartsWith("Bảng 2, dòng ", two.Source, StringComparison.Ordinal);
        Assert.Equal(["3.a"], sections[2].Tasks!.Select(t => t.Code));

        Assert.Contains(reading.Problems, p => !p.IsError && p.Message.Contains("“Ghi chú”", StringComparison.Ordinal));
        var header = reading.Plan.Plan!;
        Assert.Equal(("12/KH-UBND", "2021-01-05", "Ủy ban nhân dân thành phố Cần Thơ"), (header.Number, header.IssuedOn, header.Issuer));
        Assert.Equal(("programme", 2021, 2025), (header.Kind, header.Year, header.EndYear));
    }

    [Fact]
    public async Task ADocumentWithoutATableOrWithoutTheColumnsSaysWhatIsMissing()
    {
        using var folder = new TempFolder();
        var noTable = Read(await DocxAsync(folder, "no-table", Document("<p>KẾ HOẠCH</p><p>Không có bảng</p>")));
        var error = Assert.Single(noTable.Problems, p => p.IsError);
        Assert.StartsWith("Không tìm thấy bảng nhiệm vụ", error.Message, StringComparison.Ordinal);

        var columns = Read(await DocxAsync(folder, "columns", Document(
            "<table border=\"1\"><tr><th>Nội dung</th><th>Sản phẩm</th><th>Ghi chú</th></tr><tr><td>Việc</td><td>Báo cáo</td><td></td></tr></table>")));
        error = Assert.Single(columns.Problems, p => p.IsError);
        Assert.Equal("Bảng 1", error.Place);
        Assert.Contains("Đã nhận ra: Nội dung/Nhiệm vụ, Sản phẩm", error.Message, StringComparison.Ordinal);
        Assert.Contains("Còn thiếu: Cơ quan chủ trì, Thời gian hoàn thành/Thời hạn", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARenamedImageIsRefused()
    {
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];
        var refused = Assert.Throws<DocumentRefusedException>(() => PlanDocuments.Read(new MemoryStream(png), new DocumentLimits()));
        Assert.Contains("không phải văn bản, Word (.docx) hay Excel (.xlsx)", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>LibreOffice cannot write an encrypted .docx from the command line; an encrypted Office file is an OLE compound file, as written here.</summary>
    [Fact]
    public void APasswordProtectedDocumentIsRefused()
    {
        var ole = new byte[512];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(ole, 0);
        var refused = Assert.Throws<DocumentRefusedException>(() => PlanDocuments.Read(new MemoryStream(ole), new DocumentLimits()));
        Assert.Contains("bảo vệ bằng mật khẩu", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AZipThatExpandsPastTheLimitIsRefusedBeforeItIsOpened()
    {
        var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 8; i++) entry.Write(zeros);
        }
        Assert.True(bomb.Length < 64 * 1024);
        bomb.Position = 0;

        var refused = Assert.Throws<DocumentRefusedException>(() => PlanDocuments.Read(bomb, new DocumentLimits(MaxExpandedBytes: 4 * 1024 * 1024)));
        Assert.StartsWith("Tệp giải nén ra quá lớn", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileOverTheSizeLimitIsRefused()
    {
        var refused = Assert.Throws<DocumentRefusedException>(() => PlanDocuments.Read(new MemoryStream(new byte[3 * 1024 * 1024]), new DocumentLimits(MaxBytes: 2 * 1024 * 1024)));
        Assert.Equal("Tệp lớn hơn giới hạn 2 MB.", refused.Message);
    }
}
