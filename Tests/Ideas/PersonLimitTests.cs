using System.Text.Json.Nodes;
using CareCompanion.Cards.Ideas;
using CareCompanion.Tests.Faults;
using CareCompanion.Tests.Pulse;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Ideas;

/// <summary>
/// One person sending in a loop is slowed with a friendly line in their language (defaults: 10 ideas and 20 comments
/// per 10 minutes), and nothing else: not their colleagues, and not them once the window has passed.
/// </summary>
public sealed class PersonLimitTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task The_eleventh_idea_in_a_burst_waits_keeps_the_form_stores_nothing_and_spares_a_colleague()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var kari = Guid.NewGuid().ToString();
        for (var i = 1; i <= 10; i++) await team.SubmitIdeaAsync(kari, team.Form(title: $"Idé {i}"));
        team.Clock.Advance(TimeSpan.FromMinutes(3));

        var eleventh = await FaultAnswer.OfInvokeAsync(team.Bot,
            team.Teams.ChannelCardAction(IdeaVerbs.Submit, team.Form(title: "Idé 11", description: "Det jeg skrev"), kari, "nn-NO"));
        var colleague = await team.SubmitAsync(Guid.NewGuid().ToString(), team.Form(title: "Kollegas idé"));

        Assert.Equal("card", eleventh.Shape); // the form again, as it was sent
        Assert.Contains("Du har sendt mykje på kort tid. Du kan sende igjen om 7 minutt.", eleventh.Text);
        Assert.Contains("Idé 11", eleventh.Text);
        Assert.Contains("Det jeg skrev", eleventh.Text);
        Assert.Contains("Takk! Ideen er sendt", colleague);
        var stored = await team.Ideas().ListTeamAsync(team.Teams.TenantId, team.Teams.TeamId);
        Assert.Equal(11, stored.Count);
        Assert.DoesNotContain(stored, i => i.Title == "Idé 11");
    }

    [Fact]
    public async Task After_the_window_has_passed_the_person_can_send_again()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var kari = Guid.NewGuid().ToString();
        for (var i = 1; i <= 10; i++) await team.SubmitIdeaAsync(kari, team.Form(title: $"Idé {i}"));

        var tooSoon = await team.SubmitAsync(kari, team.Form(title: "For tidlig"));
        team.Clock.Advance(TimeSpan.FromMinutes(10));
        var later = await team.SubmitAsync(kari, team.Form(title: "Senere"));

        Assert.Contains("Du har sendt mye på kort tid. Du kan sende igjen om 10 minutter.", tooSoon);
        Assert.Contains("Takk! Ideen er sendt", later);
        var titles = (await team.Ideas().ListTeamAsync(team.Teams.TenantId, team.Teams.TeamId)).Select(i => i.Title).ToList();
        Assert.Contains("Senere", titles);
        Assert.DoesNotContain("For tidlig", titles);
    }

    [Fact]
    public async Task A_submit_Teams_delivers_twice_counts_once()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var kari = Guid.NewGuid().ToString();
        for (var i = 1; i <= 9; i++) await team.SubmitIdeaAsync(kari, team.Form(title: $"Idé {i}"));
        var tenth = team.Teams.ChannelCardAction(IdeaVerbs.Submit, team.Form(title: "Idé 10"), kari);

        await team.SendAsync(tenth);
        var again = await team.SendAsync(tenth);

        Assert.Contains("Takk! Ideen er sendt", again);
        Assert.Equal(10, (await team.Ideas().ListTeamAsync(team.Teams.TenantId, team.Teams.TeamId)).Count);
    }

    [Fact]
    public async Task The_twenty_first_comment_in_a_burst_is_refused_on_the_card_in_English_and_a_colleague_still_comments()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, IdeaSteps.Monday);
        var idea = await team.SubmitIdeaAsync(Guid.NewGuid().ToString());
        var amir = Guid.NewGuid().ToString();
        for (var i = 1; i <= 20; i++) await team.ActAsync(IdeaVerbs.Comment, idea, amir, new() { ["comment"] = $"Kommentar {i}" });

        var extra = await FaultAnswer.OfInvokeAsync(team.Bot, team.Teams.ChannelCardAction(IdeaVerbs.Comment,
            IdeaSteps.Ref(idea, new JsonObject { ["comment"] = "One more" }), amir, "en-US"));
        var colleague = await team.ActAsync(IdeaVerbs.Comment, idea, Guid.NewGuid().ToString(), new() { ["comment"] = "Enig" });

        Assert.Equal(("error", "You have sent a lot in a short time. You can send again in 10 minutes."), (extra.Shape, extra.Text));
        Assert.Contains("Kommentaren er lagt til.", colleague);
        var comments = (await team.ReloadAsync(idea))!.Comments.Select(c => c.Text).ToList();
        Assert.Equal(21, comments.Count);
        Assert.DoesNotContain("One more", comments);
        Assert.Contains("Enig", comments);
    }
}
