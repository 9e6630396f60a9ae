using System.Text.Encodings.Web;
using System.Text.Json;

namespace PlanTracker.Core.Generation;

/// <summary>
/// Writes a valid plan file (the shape of seed/plan-*.json) of any size, streamed to disk: sections of 1,000
/// tasks, each led by a unit of the seed directory with one deliverable; every tenth task has two sub-items.
/// 50,000 tasks make a file of about 16 MB.
/// </summary>
public static class PlanFileGenerator
{
    private static readonly string[] Units = ["Sở Tư pháp", "Sở Nội vụ", "Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Văn phòng UBND thành phố"];

    /// <param name="lastProduct">The product of the file's very last deliverable (a test marks it to fail there).</param>
    public static void Write(string path, int tasks, int year = 2030, string number = "999/KH-UBND", string lastProduct = "Báo cáo kết quả")
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteStartObject("plan");
        json.WriteString("number", number);
        json.WriteString("title", $"Kế hoạch cải cách hành chính năm {year} (tệp sinh tự động, {tasks:N0} nhiệm vụ)");
        json.WriteNumber("year", year);
        json.WriteString("issuedOn", $"{year - 1}-12-28");
        json.WriteEndObject();
        json.WriteStartArray("sections");
        var written = 0;
        for (var s = 1; written < tasks; s++)
        {
            json.WriteStartObject();
            json.WriteNumber("number", s);
            json.WriteString("title", $"Lĩnh vực {s}: cải cách thủ tục hành chính và hiện đại hóa nền hành chính");
            json.WriteStartArray("tasks");
            for (var t = 1; t <= 1000 && written < tasks; t++)
            {
                var code = $"{s}.{t}";
                var subtasks = t % 10 == 0 ? Math.Min(2, tasks - written - 1) : 0;
                written += 1 + subtasks;
                WriteTask(json, code, written, written == tasks && subtasks == 0 ? lastProduct : null, year);
                if (subtasks > 0)
                {
                    json.WriteStartArray("subtasks");
                    for (var k = 1; k <= subtasks; k++)
                    {
                        WriteTask(json, $"{code}.{k}", written - subtasks + k, written == tasks && k == subtasks ? lastProduct : null, year);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Writes a task's fields; the caller closes the object (after its sub-items).</summary>
    private static void WriteTask(Utf8JsonWriter json, string code, int index, string? product, int year)
    {
        json.WriteStartObject();
        json.WriteString("code", code);
        json.WriteString("activity", $"Rà soát, đánh giá và đơn giản hóa thủ tục hành chính thuộc phạm vi quản lý, nhóm {index}; công bố kết quả trên cổng thông tin điện tử của đơn vị");
        json.WriteStartArray("leadUnits");
        json.WriteStringValue(Units[index % Units.Length]);
        json.WriteEndArray();
        json.WriteStartArray("deliverables");
        json.WriteStartObject();
        json.WriteString("product", product ?? $"Báo cáo kết quả rà soát số {index}");
        json.WriteString("deadline", $"Quý {index % 4 + 1} năm {year}");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString("note", index % 7 == 0 ? "Phối hợp với các sở, ngành liên quan" : null);
    }
}
