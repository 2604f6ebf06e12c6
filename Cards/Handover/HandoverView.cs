using CareCompanion.Cards.Goals;
using CareCompanion.Cards.Hms;
using CareCompanion.Cards.Pulse;

namespace CareCompanion.Cards.Handover;

/// <summary>An open idea as the handover lists it: its title, status and age; never who sent it.</summary>
public sealed record HandoverIdea(string Title, string Status, int AgeDays);

/// <summary>A closed round above its threshold: week, question, mean (none for a reflection question) and how many answered.</summary>
public sealed record HandoverResult(int Week, Question Question, double? Mean, int Answers);

/// <summary>The team's improvement circle under way: its topic and the text key of its phase ("explore" … "test").</summary>
public sealed record HandoverCircle(string Topic, string PhaseKey);

/// <summary>What a new leader needs to know about a team, read when the card is made.</summary>
public sealed record HandoverView(string TeamName, IReadOnlyList<HandoverIdea> OpenIdeas, IReadOnlyList<GoalView> GoalsAtRisk,
    HandoverCircle? Circle, IReadOnlyList<HandoverResult> Results, IReadOnlyList<HmsMemberView> HmsMembers);
