namespace PlanTracker.Core.Import.Documents;

/// <summary>Reads a plan from text copied out of a PDF, where the table's cells arrive cut into lines.</summary>
public static class TextPlanReader
{
    public static DocumentReading Read(string text) =>
        throw new NotImplementedException("issue 12: the text reader");
}
