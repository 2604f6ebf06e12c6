using CareCompanion.Cards.Pulse;

namespace CareCompanion.Tests.Cards;

/// <summary>Reflection meetings for the catalog: just posted, opening with last time's actions, followed up, and as full as allowed.</summary>
public static class MeetingSamples
{
    private const string Team = "19:team@thread.tacv2";

    public static readonly MeetingView Fresh = new(Team, "m1", null, []);

    public static readonly MeetingView Carried = new(Team, "m2", null,
    [
        new(1, "Fast tid for overlapp kl. 14:45 på vaktrommet", Carried: true, MeetingActionState.Open),
        new(2, "Kari spør apoteket om multidosen kan komme før helga", Carried: true, MeetingActionState.Open),
    ]);

    public static readonly MeetingView FollowedUp = new(Team, "m3",
        "Vi snakket om travle kvelder. Mange savner en kort prat før nattevakta kommer, og de nye vet ikke hvem de skal spørre.",
    [
        new(1, "Fast tid for overlapp kl. 14:45 på vaktrommet", Carried: true, MeetingActionState.Goal),
        new(2, "Kari spør apoteket om multidosen kan komme før helga", Carried: true, MeetingActionState.Done),
        new(3, "Fadder for alle nyansatte de første fire vaktene", Carried: false, MeetingActionState.Idea),
        new(4, "Ta opp bemanningen på kveld med tillitsvalgt", Carried: false, MeetingActionState.Open),
        new(5, "Lage en kort huskeliste for helgevakter", Carried: false, MeetingActionState.Moved),
    ]);

    /// <summary>The longest card: the longest summary, and ten actions of the longest length, all open (each with its goal form).</summary>
    public static readonly MeetingView Full = new(Team, "m4", new string('æ', MeetingVerbs.MaxSummary),
        [.. Enumerable.Range(1, MeetingVerbs.MaxActions).Select(i => new MeetingActionView(i, new string('ø', MeetingVerbs.MaxAction), Carried: i <= 5, MeetingActionState.Open))]);
}
