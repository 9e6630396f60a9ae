namespace PlanTracker.Core.Import.Documents;

/// <summary>
/// A problem met while reading a plan document. <see cref="Place"/> is where a person finds it in the document
/// ("Bảng 1, dòng 12", "Trang tính Nhiệm vụ, dòng 7", "Dòng 364"); the message is Vietnamese, for the admin.
/// An error stops the import; a warning (an extra column ignored, a label read two ways) does not.
/// </summary>
public sealed record ReadingProblem(string Place, string Message, bool IsError = true)
{
    public static ReadingProblem Warning(string place, string message) => new(place, message, IsError: false);
}

/// <summary>
/// A plan as read from a document, in the shape of a seed plan file. Each task's <see cref="TaskDto.Source"/> holds
/// its place in the document, in the same words as <see cref="ReadingProblem.Place"/>.
/// </summary>
public sealed record DocumentReading(PlanFile Plan, IReadOnlyList<ReadingProblem> Problems)
{
    public bool HasErrors => Problems.Any(p => p.IsError);
}

/// <summary>A document that cannot be read at all; the message says why in Vietnamese.</summary>
public sealed class DocumentRefusedException(string message) : Exception(message);

/// <param name="MaxBytes">The largest file accepted.</param>
/// <param name="MaxExpandedBytes">The most a .docx or .xlsx may expand to: a zip bomb is refused before it is opened.</param>
public sealed record DocumentLimits(long MaxBytes = 20 * 1024 * 1024, long MaxExpandedBytes = 200 * 1024 * 1024);
