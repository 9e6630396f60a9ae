namespace PlanTracker.Core.Generation;

/// <summary>Words of CCHC plans, for activities, products and unit names that read like the real ones.</summary>
internal static class VietnameseCorpus
{
    public static readonly string[] SectionTitles =
    [
        "Cải cách thể chế", "Cải cách thủ tục hành chính", "Cải cách tổ chức bộ máy",
        "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức", "Cải cách tài chính công",
        "Hiện đại hóa hành chính", "Công tác chỉ đạo điều hành cải cách hành chính",
    ];

    public static readonly string[] Verbs =
    [
        "Xây dựng và triển khai", "Rà soát, đánh giá", "Kiểm tra việc thực hiện", "Tổ chức tập huấn về", "Tuyên truyền, phổ biến",
        "Công bố, công khai", "Cập nhật, số hóa", "Theo dõi, đôn đốc", "Tổng kết, đánh giá", "Nâng cao chất lượng",
    ];

    public static readonly string[] Subjects =
    [
        "thủ tục hành chính lĩnh vực đất đai", "văn bản quy phạm pháp luật", "cơ chế một cửa, một cửa liên thông",
        "dịch vụ công trực tuyến mức độ 3, mức độ 4", "hệ thống quản lý chất lượng TCVN ISO 9001:2015",
        "chế độ tự chủ của đơn vị sự nghiệp công lập", "vị trí việc làm và cơ cấu ngạch công chức",
        "phần mềm quản lý văn bản và điều hành", "Chỉ số hài lòng của người dân", "kỷ luật, kỷ cương hành chính",
        "Bộ phận Tiếp nhận và Trả kết quả cấp xã", "cơ sở dữ liệu cán bộ, công chức, viên chức",
    ];

    public static readonly string[] Products = ["Kế hoạch", "Báo cáo", "Quyết định", "Tờ trình", "Biên bản kiểm tra", "Báo cáo kết quả thực hiện", "Văn bản hướng dẫn"];

    public static readonly string[] Departments =
    [
        "Nội vụ", "Tư pháp", "Tài chính", "Kế hoạch và Đầu tư", "Thông tin và Truyền thông", "Y tế", "Giáo dục và Đào tạo",
        "Khoa học và Công nghệ", "Văn hóa, Thể thao và Du lịch", "Lao động - Thương binh và Xã hội", "Tài nguyên và Môi trường",
        "Xây dựng", "Giao thông vận tải", "Công Thương", "Nông nghiệp và Phát triển nông thôn", "Ngoại vụ",
    ];

    public static readonly string[] PlaceNames =
    [
        "An Bình", "Bình Thủy", "Cái Răng", "Hưng Phú", "Long Tuyền", "Mỹ Khánh", "Nhơn Ái", "Phong Điền", "Tân Lộc", "Thới Long",
        "Thạnh An", "Trung An", "Vĩnh Trinh", "Xuân Khánh", "Đông Thuận", "Giai Xuân", "Trường Long", "Thuận Hưng",
    ];
}
