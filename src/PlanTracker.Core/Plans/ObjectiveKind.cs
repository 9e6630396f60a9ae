namespace PlanTracker.Core.Plans;

/// <summary>
/// What a statement of a plan's part I is. An annual plan has objectives with indicators; a programme also
/// states its viewpoints ("Quan điểm"), general goals ("Mục tiêu chung") and solutions ("Giải pháp").
/// </summary>
public enum ObjectiveKind
{
    Objective,
    Viewpoint,
    GeneralGoal,
    Solution,
}
