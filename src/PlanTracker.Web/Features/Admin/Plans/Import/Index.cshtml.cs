using PlanTracker.Core.Import.Documents;

namespace PlanTracker.Web.Features.Admin.Plans.Import;

/// <summary>Step 1 of the import wizard: a plan document uploaded, or text pasted. It is read once here, so that a
/// document that cannot be read at all is refused at once; one that can is kept for the preview.</summary>
[ImportRequestLimit]
public class UploadModel(ImportUploads uploads, IConfiguration config) : PageModel
{
    public const string PastedName = "Văn bản dán";

    public int MaxMegabytes => ImportLimits.MaxMegabytes(config);
    public string? Refusal { get; private set; }
    public string? Text { get; private set; }
    public string? Notice => TempData["Notice"] as string;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? text)
    {
        Text = text;
        byte[] content;
        string name;
        if (file is { Length: > 0 })
        {
            if (file.Length > ImportLimits.MaxBytes(config))
                return Refuse($"Tệp lớn hơn giới hạn {MaxMegabytes} MB.");
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            (content, name) = (buffer.ToArray(), Path.GetFileName(file.FileName));
        }
        else if (file is not null)
            return Refuse("Tệp trống.");
        else if (!string.IsNullOrWhiteSpace(text))
            (content, name) = (System.Text.Encoding.UTF8.GetBytes(text), PastedName);
        else
            return Refuse("Hãy chọn tệp Word (.docx), Excel (.xlsx), văn bản (.txt) hoặc kế hoạch JSON, hoặc dán văn bản của kế hoạch.");

        try { PlanDocuments.Read(new MemoryStream(content), new DocumentLimits(ImportLimits.MaxBytes(config))); }
        catch (DocumentRefusedException e) { return Refuse(e.Message); }
        var id = await uploads.SaveAsync(name, content);
        return RedirectToPage("Preview", new { id });
    }

    private PageResult Refuse(string message)
    {
        Refusal = $"Không đọc được kế hoạch; chưa có gì được ghi. {message}";
        return Page();
    }
}
