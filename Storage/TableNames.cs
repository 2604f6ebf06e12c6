namespace CareCompanion.Storage;

/// <summary>The logical table names; <see cref="Tables"/> puts the configured prefix in front.</summary>
public static class TableNames
{
    public const string Conversations = "Conversations";
    public const string PersonalChats = "PersonalChats";
    public const string Jobs = "Jobs";
    public const string Deliveries = "Deliveries";
    public const string PulseSettings = "PulseSettings";
    public const string PulseRounds = "PulseRounds";
    public const string PulseAnswers = "PulseAnswers";
    public const string Roles = "Roles";
    public const string Ideas = "Ideas";
    public const string Digests = "Digests";
    public const string Goals = "Goals";
    public const string Instances = "Instances";
    public const string Teams = "Teams";
    public const string PersonSettings = "PersonSettings";
    public const string HmsGroups = "HmsGroups";
    public const string HmsCircles = "HmsCircles";
    public const string Meetings = "Meetings";
    public const string Handovers = "Handovers";

    public const string Networks = "Networks";
    public const string Practices = "Practices";
    public const string NetworkReports = "NetworkReports";

    public static readonly IReadOnlyList<string> All = [Conversations, PersonalChats, Jobs, Deliveries, PulseSettings, PulseRounds, PulseAnswers, Roles, Ideas, Digests, Goals, Instances, Teams, PersonSettings, HmsGroups, HmsCircles, Meetings, Handovers, Networks, Practices, NetworkReports];
}
