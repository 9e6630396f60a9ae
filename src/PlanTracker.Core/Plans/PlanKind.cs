namespace PlanTracker.Core.Plans;

/// <summary>The three kinds of plan in a city's CCHC cycle.</summary>
public enum PlanKind
{
    /// <summary>An annual plan of the People's Committee, e.g. Plan 163/KH-UBND for 2019.</summary>
    CityAnnual,
    /// <summary>A programme of several years, e.g. QĐ 4168/QĐ-UBND for 2021–2025.</summary>
    Programme,
    /// <summary>A unit's own annual plan, started from the city plan it implements.</summary>
    UnitAnnual,
}

/// <summary>
/// Draft → active → closed. Only active plans are reminded, counted on default views and listed on
/// "Nhiệm vụ của tôi"; a closed plan is read-only; a draft is invisible to units.
/// </summary>
public enum PlanStatus
{
    Draft,
    Active,
    Closed,
}
