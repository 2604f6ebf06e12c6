namespace CareCompanion.Cards.Networks;

/// <summary>The verbs, payloads and limits of the learning-network cards, shared by the cards and the bot's handlers.</summary>
public static class NetworkVerbs
{
    public const string SaveSettings = "network.settings";
    public const string Create = "network.create";
    public const string Join = "network.join";
    public const string Leave = "network.leave";
    public const string SaveReport = "network.report.save";
    public const string SendReport = "network.report.send";
    public const string Nudge = "network.nudge";
    public const string Takeaways = "network.takeaways";
    public const string RenewCode = "network.code.renew";

    public const int MaxName = 100;
    public const int MaxMunicipality = 80;
    public const int MaxReportField = 600;
    public const int MaxMeetings = 4;
    public const int MaxCoordinatorChoices = 100;

    /// <summary>The themes a network or a practice card is about (the words are in the texts: network.theme.{id}).</summary>
    public static readonly IReadOnlyList<string> Themes = ["palliation", "dementia", "rehabilitation", "medication", "nutrition", "welfaretech", "other"];
}

/// <summary>The tenant's network settings, as the admin's card sends them; coordinators are Entra object ids, comma separated.</summary>
public sealed record NetworkSettingsPayload(string Team, string? CrossTenant = null, string? Municipality = null, string? Coordinators = null);

/// <summary>The new-network form: name, theme, up to four meeting dates (yyyy-MM-dd) and days before each for the status card.</summary>
public sealed record NetworkFormPayload(string? Name = null, string? Theme = null, string? Meeting1 = null, string? Meeting2 = null,
    string? Meeting3 = null, string? Meeting4 = null, string? DaysBefore = null);

/// <summary>A team's leader joins with the code the coordinator shared.</summary>
public sealed record NetworkJoinPayload(string Team, string? Code = null);

/// <summary>Which network a button is about, as the card says: to be checked, never trusted.</summary>
public sealed record NetworkRef(string Team, string Host, string Network);

/// <summary>The coordinator's "renew the code" on a network in their list (personal chat, so no team).</summary>
public sealed record NetworkCodeRef(string Host, string Network);

/// <summary>The status card before a meeting: the team's four answers.</summary>
public sealed record NetworkReportPayload(string Team, string Host, string Network, string Meeting, string? Tried = null, string? Happened = null,
    string? Next = null, string? Help = null);

/// <summary>"Bring it home": up to three takeaways from a meeting, to post in the attendee's team's channel.</summary>
public sealed record NetworkTakeawaysPayload(string Team, string Host, string Network, string Meeting, string? Takeaway1 = null, string? Takeaway2 = null,
    string? Takeaway3 = null);

/// <summary>The coordinator's one-tap nudge to a team that has not reported ("member" rather than "team": the team is not the caller's).</summary>
public sealed record NetworkNudgePayload(string Host, string Network, string Meeting, string MemberTenant, string MemberTeam);
