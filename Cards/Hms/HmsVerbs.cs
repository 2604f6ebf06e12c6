namespace CareCompanion.Cards.Hms;

/// <summary>The verbs, payloads and limits of the HMS group's and the improvement circle's cards.</summary>
public static class HmsVerbs
{
    public const string Create = "hms.create";
    public const string Join = "hms.join";
    public const string Name = "hms.name";
    public const string Confirm = "hms.confirm";
    public const string Post = "hms.post";
    public const string Question = "hms.question";
    public const string Results = "hms.results";

    public const string StartCircle = "circle.start";
    public const string Schedule = "circle.schedule";
    public const string Worksheet = "circle.worksheet";
    public const string Input = "circle.input";
    public const string Vote = "circle.vote";
    public const string Goal = "circle.goal";
    public const string Idea = "circle.idea";

    /// <summary>The roles a member can have in the group: those that see the teams' results (so their own answers never count).</summary>
    public static readonly IReadOnlyList<string> MemberRoles = ["tillitsvalgt", "verneombud", "leader", "coach"];

    public const int MaxMessage = 1000;
    public const int MaxTopic = 120;
    public const int MaxQuestion = 200;
    public const int MaxLabel = 40;
    public const int MaxCameUp = 1000;
    public const int MaxProposals = 600;
    public const int MaxProposalCount = 6;
    public const int MaxInput = 500;
    public const int MaxOwners = 120;
}

/// <summary>The group of the team the card names: to be checked, never trusted.</summary>
public sealed record HmsRef(string Team);

/// <summary>A leader adds the channel's team to the HMS group stored with <see cref="Group"/>.</summary>
public sealed record HmsJoinPayload(string Team, string Group);

/// <summary>A leader names someone from the team's roster for the group, with their role in it.</summary>
public sealed record HmsNamePayload(string Team, string? Person = null, string? Role = null);

public sealed record HmsPostPayload(string Team, string? Message = null);

public sealed record HmsQuestionPayload(string Team, string? Text = null, string? Low = null, string? High = null);

public sealed record CircleStartPayload(string Team, string? CircleTeam = null, string? Topic = null);

/// <summary>A phase of a circle, as the card names it.</summary>
public sealed record CircleSchedulePayload(string Team, string Circle, int Phase, string? Date = null, string? Time = null);

public sealed record CircleWorksheetPayload(string Team, string Circle, int Phase, string? CameUp = null, string? Proposals = null);

public sealed record CircleInputPayload(string Team, string Circle, int Phase, string? Input = null, string? Anonymous = null);

public sealed record CircleVotePayload(string Team, string Circle, int Proposal);

public sealed record CircleGoalPayload(string Team, string Circle, string? Owners = null, string? Deadline = null);

public sealed record CircleIdeaPayload(string Team, string Circle, string? Category = null);
