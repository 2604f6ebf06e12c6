using System.Text.Json.Nodes;
using CareCompanion.Cards.Goals;
using CareCompanion.Cards.Ideas;
using CareCompanion.Cards.Localization;

namespace CareCompanion.Tests.Cards;

/// <summary>Realistic idea cards for <see cref="CardCatalog"/>: validated and rendered to PNG by the tests.</summary>
internal static class IdeaSamples
{
    private static readonly string[] Categories = ["patientsafety", "workenvironment", "workflow", "learning", "involvement", "other"];
    private static readonly DateTimeOffset Created = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);

    public static IEnumerable<(string Name, JsonObject Card)> All(Language language)
    {
        var teams = new[] { new TeamChoice("19:a@thread.tacv2", "Avdeling 2, Solheim sjukeheim"), new TeamChoice("19:b@thread.tacv2", "Heimetenesta sone nord") };
        yield return ("idea-form", IdeaFormCard.Build(language, teams, Categories, new IdeaDraft(), inDialog: false));
        yield return ("idea-form-dialog-one-team", IdeaFormCard.Build(language, teams[..1], Categories,
            new IdeaDraft(Description: "Kan vi ha fast tid til overlapp kl. 14:45? *Alle* kommer for sent nå."), inDialog: true));
        yield return ("idea-form-problem", IdeaFormCard.Build(language, teams, Categories, new IdeaDraft(Title: new string('x', 130)), inDialog: false,
            problem: Texts.For(language)["idea.error.title"]));

        var idea = new IdeaView
        {
            IdeaId = "a1b2c3", TeamId = teams[0].TeamId, TeamName = teams[0].Name, Title = "Fast tid til overlapp før kveldsvakta",
            Description = "Vi bruker mye tid på å lete etter hverandre. Forslag: overlapp kl. 14:45 på vaktrommet, 10 minutter, med [fast] liste.",
            Category = "workflow", Status = "considering", SubmitterName = "Kari Nordmann", CreatedAt = Created, Supporters = 7, CommentCount = 2,
            LatestComments = [("Ola", "Godt forslag, vi prøvde det på avd. 3."), ("Anne", "**Ja!** <b>takk</b>")],
            LastDecision = new DecisionView("considering", "Vi tar det opp på personalmøtet 10. desember.", "Liv (avdelingsleder)", Created.AddDays(3)),
            NextStatuses = ["trying", "implemented", "notpursued"],
        };
        yield return ("idea", IdeaCards.Idea(idea, language));
        yield return ("idea-anonymous-new", IdeaCards.Submitted(idea with
        {
            SubmitterName = null, Status = "new", LastDecision = null, Supporters = 0, CommentCount = 0, LatestComments = [],
        }, language));
        var implemented = idea with
        {
            Status = "implemented", NextStatuses = ["trying"], CanShare = true,
            LastDecision = new DecisionView("implemented", "Prøvd i fire uker, alle vaktlag vil fortsette.", "Liv (avdelingsleder)", Created.AddDays(40)),
        };
        yield return ("idea-implemented", IdeaCards.Idea(implemented, language));
        yield return ("idea-search-result", IdeaCards.Idea(implemented, language, withActions: false));
        yield return ("idea-from-circle", IdeaCards.Idea(idea with
        {
            Title = "Sjekkliste på vaktrommet", Description = "", Status = "trying", NextStatuses = ["implemented", "considering", "notpursued"], CircleTopic = "Overlapp mellom vaktene",
            LastDecision = new DecisionView("trying", Texts.For(language)["circle.idea.reason"], "Per Verneombud", Created.AddDays(35)),
        }, language));
        yield return ("idea-status-update", IdeaCards.StatusUpdate(idea, implemented.LastDecision!, language));
        yield return ("idea-submitter-notice", IdeaCards.SubmitterNotice(idea, implemented.LastDecision!, language));
        yield return ("idea-followup", IdeaCards.FollowUp(implemented, language, new Dictionary<string, int> { ["yes"] = 5, ["partly"] = 2 }));

        var t = Texts.For(language);
        var now = Created.AddDays(30);
        var open = Enumerable.Range(0, 40).Select(i => idea with
        {
            IdeaId = $"i{i}", Title = $"Idé nummer {i}: " + new string('o', 100), Description = new string('d', 2000), LastDecision = null, Status = "new",
            CreatedAt = Created.AddDays(i / 2.0), NextStatuses = ["considering", "trying", "implemented", "notpursued"],
        }).ToList();
        yield return ("idea-list-leader", IdeaListCard.Build(t["idea.list.open"], open, language, now, t["idea.list.openEmpty"], flagAfterDays: 14));
        yield return ("idea-list-mine", IdeaListCard.Build(t["idea.list.mine"], [idea, implemented with { NextStatuses = [], CanShare = false }],
            language, now, t["idea.list.mineEmpty"]));
        yield return ("idea-list-empty", IdeaListCard.Build(t["idea.list.shared"], [], language, now, t["idea.list.sharedEmpty"]));
    }
}
