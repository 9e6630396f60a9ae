namespace PlanTracker.Core.Units;

public enum UnitKind
{
    /// <summary>Sở.</summary>
    Department,
    /// <summary>Another city-level body: ban, ngành, Văn phòng UBND, Thanh tra.</summary>
    Agency,
    /// <summary>UBND quận, huyện.</summary>
    District,
    /// <summary>UBND xã, phường, thị trấn.</summary>
    Commune,
    /// <summary>A central-government body in the city (Cục Thuế, Bảo hiểm xã hội, ...).</summary>
    Central,
    /// <summary>Báo, đài.</summary>
    Press,
    /// <summary>A body of the city's Party committee.</summary>
    Party,
    Other,
}
