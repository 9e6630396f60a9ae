namespace PlanTracker.Tests.Import;

/// <summary>
/// A small hand-made programme in the shape of seed/programme-*.json (2 areas, 3 items, 2 indicators with steps,
/// a viewpoint, a general goal, a solution, a duty) and an annual plan whose task cites one of its items. Unit
/// names are in both <see cref="PlanFiles.Units"/> and seed/units-cantho.json.
/// </summary>
public static class ProgrammeFiles
{
    public const string Number = "4168/QĐ-UBND";

    public static string Programme(string kind = "programme", int endYear = 2025, string objectiveKind = "objective",
        int stepYear = 2022, string dutyUnit = "Sở Nội vụ") => $$"""
        { "plan": { "number": "{{Number}}", "kind": "{{kind}}", "year": 2021, "endYear": {{endYear}},
                    "title": "Kế hoạch cải cách hành chính nhà nước giai đoạn 2021-2025", "issuedOn": "2021-12-27",
                    "issuer": "Ủy ban nhân dân thành phố Cần Thơ", "signedBy": "Trần Việt Trường", "signerTitle": "Chủ tịch" },
          "objectives": [
            { "code": "QĐ.1", "kind": "viewpoint", "text": "Cải cách hành chính là nhiệm vụ trọng tâm" },
            { "code": "MTC.a", "kind": "generalGoal", "text": "Xây dựng nền hành chính dân chủ, chuyên nghiệp" },
            { "code": "2.c", "kind": "{{objectiveKind}}", "text": "Về cải cách thủ tục hành chính", "note": "Ghi chú mục tiêu",
              "indicators": [
                { "text": "Số hóa kết quả giải quyết TTHC", "target": 100, "unit": "%", "level": "cấp tỉnh", "targetYear": 2025,
                  "steps": [ { "year": {{stepYear}}, "target": 50 }, { "year": 2023, "target": null, "text": "tăng tối thiểu 20% mỗi năm" } ],
                  "note": "Lộ trình theo Nghị định 107/2021/NĐ-CP" },
                { "text": "Số hóa kết quả giải quyết TTHC", "target": 100, "unit": "%", "level": "cấp huyện",
                  "steps": [ { "year": 2022, "target": 40 } ] } ] },
            { "code": "GP.1", "kind": "solution", "text": "Tăng cường sự lãnh đạo, chỉ đạo" } ],
          "sections": [
            { "number": 1, "title": "Cải cách thể chế", "tasks": [
              { "code": "1.a", "activity": "Tiếp tục rà soát văn bản quy phạm pháp luật", "leadUnits": [], "coordinatingUnits": [],
                "inferredLeadUnits": ["Sở Tư pháp"], "note": "Chương trình không ghi đơn vị; suy ra từ phần Tổ chức thực hiện",
                "deliverables": [], "subtasks": [], "source": "L45-L46" },
              { "code": "1.b", "activity": "Nâng cao chất lượng xây dựng văn bản", "leadUnits": ["Sở Tư pháp"], "coordinatingUnits": ["UBND quận, huyện"] } ] },
            { "number": 2, "title": "Cải cách thủ tục hành chính", "tasks": [
              { "code": "2.a", "activity": "Tiếp tục số hóa hồ sơ, kết quả giải quyết TTHC", "leadUnits": ["Sở Nội vụ"] } ] } ],
          "duties": [ { "code": "V.1", "units": ["{{dutyUnit}}"], "text": "Theo dõi, đôn đốc thực hiện Kế hoạch", "product": null,
                        "recipient": null, "deadline": "Hằng năm", "periods": null, "source": "L150-L152" } ] }
        """;

    /// <summary>An annual plan for 2021 whose task 1.a cites the programme's item 1.a.</summary>
    public static string AnnualPlan(string citedPlan = Number, string citedCode = "1.a") => $$"""
        { "plan": { "number": "50/KH-UBND", "title": "Kế hoạch cải cách hành chính năm 2021", "year": 2021, "issuedOn": "2021-01-15" },
          "sections": [ { "number": 1, "title": "Cải cách thể chế", "tasks": [
            { "code": "1.a", "activity": "Rà soát văn bản năm 2021", "leadUnits": ["Sở Tư pháp"],
              "cites": [ { "plan": "{{citedPlan}}", "code": "{{citedCode}}" } ],
              "deliverables": [ { "product": "Báo cáo", "deadline": "Quý IV năm 2021" } ] },
            { "code": "1.b", "activity": "Xây dựng văn bản năm 2021", "leadUnits": ["Sở Tư pháp"],
              "deliverables": [ { "product": "Báo cáo", "deadline": "Quý IV năm 2021" } ] } ] } ] }
        """;
}
