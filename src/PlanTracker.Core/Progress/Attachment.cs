namespace PlanTracker.Core.Progress;

/// <summary>An evidence file, stored outside wwwroot under a generated name.</summary>
public class Attachment
{
    public int Id { get; set; }
    public int DeliverableId { get; set; }
    public Deliverable? Deliverable { get; set; }
    public string Period { get; set; } = "";
    public int UnitId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    /// <summary>Path relative to the attachments folder.</summary>
    public required string StoredName { get; set; }
    public DateTime UploadedAtUtc { get; set; }
    public string? UploadedByUserId { get; set; }
    public string UploadedByName { get; set; } = "";
    /// <summary>Removal is a recorded state; the file stays on disk.</summary>
    public bool IsRemoved { get; set; }
    /// <summary>When the file was removed; the stored file is purged after the retention period.</summary>
    public DateTime? RemovedAtUtc { get; set; }
}
