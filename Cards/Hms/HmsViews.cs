namespace CareCompanion.Cards.Hms;

/// <summary>An HMS group as its cards show it: the teams it serves and its members (a member named but not yet confirmed is marked).</summary>
public sealed record HmsGroupView(string GroupTeamId, IReadOnlyList<string> TeamNames, IReadOnlyList<HmsMemberView> Members);

public sealed record HmsMemberView(string Name, string Role, bool Confirmed);

/// <summary>A team the group serves, as a choice on its cards.</summary>
public sealed record HmsTeamChoice(string TeamId, string Name);

/// <summary>An improvement circle as its cards show it.</summary>
public sealed record CircleView(string TeamId, string CircleId, string TeamName, string Topic, int Phase)
{
    /// <summary>The worksheet this phase's workshop opens with (the last one written before it).</summary>
    public WorksheetView? Baton { get; init; }
    /// <summary>When the phase's workshop is, as the team reads it ("tirsdag 8. desember kl. 14:30").</summary>
    public string? WorkshopAt { get; init; }
    public string? Picked { get; init; }
    /// <summary>What the group made of the pick: "goal" or "idea"; null until then.</summary>
    public string? MadeInto { get; init; }
    /// <summary>The categories an idea can have, for making the pick an idea.</summary>
    public IReadOnlyList<string> IdeaCategories { get; init; } = [];
}

/// <summary>A worksheet: what came up, the proposals (with their votes in "Skape"), and colleagues' inputs.</summary>
public sealed record WorksheetView(int Phase, string CameUp, IReadOnlyList<string> Proposals, IReadOnlyList<InputView> Inputs)
{
    public IReadOnlyList<int>? Votes { get; init; }
}

/// <summary>An input; no name when it was given anonymously.</summary>
public sealed record InputView(string Text, string? ByName);
