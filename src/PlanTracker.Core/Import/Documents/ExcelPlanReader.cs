using DocumentFormat.OpenXml.Packaging;

namespace PlanTracker.Core.Import.Documents;

/// <summary>Reads a plan from a sheet: the app's own template, or a similar sheet found by its header row.</summary>
public static class ExcelPlanReader
{
    public static DocumentReading Read(SpreadsheetDocument workbook) =>
        throw new NotImplementedException("issue 12: the Excel reader");
}
