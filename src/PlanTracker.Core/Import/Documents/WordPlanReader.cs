using DocumentFormat.OpenXml.Packaging;

namespace PlanTracker.Core.Import.Documents;

/// <summary>Reads a plan from a Word document: the letterhead, then the task table found by its header.</summary>
public static class WordPlanReader
{
    public static DocumentReading Read(WordprocessingDocument document) =>
        throw new NotImplementedException("issue 12: the Word reader");
}
