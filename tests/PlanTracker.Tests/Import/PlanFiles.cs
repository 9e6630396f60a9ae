namespace PlanTracker.Tests.Import;

/// <summary>Small plan and unit files for importer tests.</summary>
public static class PlanFiles
{
    public const string Units = """
        { "units": [
            { "code": "STP", "name": "Sở Tư pháp", "kind": "department", "aliases": ["STP"], "emails": ["stp@cantho.example"] },
            { "code": "SNV", "name": "Sở Nội vụ", "kind": "department", "emails": ["snv@cantho.example"] },
            { "code": "Q_NK", "name": "UBND quận Ninh Kiều", "kind": "district" }
          ],
          "groups": [
            { "code": "QH", "name": "UBND quận, huyện", "aliases": ["UBND cấp huyện"], "members": ["Q_NK"] }
          ] }
        """;

    public static string Plan(string leadUnit = "Sở Tư pháp", string number = "99/KH-UBND", string deadline = "Quý IV năm 2019") => $$"""
        { "plan": { "number": "{{number}}", "title": "Kế hoạch thử", "year": 2019, "issuedOn": "2018-12-28" },
          "objectives": [ { "code": "1", "text": "Mục tiêu", "indicators": [ { "text": "TTHC công khai", "target": 100, "unit": "%" } ] } ],
          "sections": [ { "number": 1, "title": "Cải cách thể chế", "tasks": [
            { "code": "1.a", "activity": "Rà soát văn bản", "leadUnits": ["{{leadUnit}}"], "coordinatingUnits": ["UBND quận, huyện"],
              "deliverables": [ { "product": "Kế hoạch", "deadline": "Quý IV năm 2018" }, { "product": "Báo cáo", "deadline": "{{deadline}}" } ],
              "subtasks": [ { "code": "1.a.1", "activity": "Nội dung con", "leadUnits": ["Sở Nội vụ"], "deliverables": [ { "product": "Báo cáo", "deadline": "Hàng quý" } ] } ] } ] } ] }
        """;
}
