using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Foundation;

/// <summary>When storage is down, the user is told in their language to try again, and no exception text reaches them.</summary>
public sealed class ErrorHandlingTests
{
    [Theory]
    [InlineData("nb-NO", "Jeg får ikke svart på det akkurat nå – prøv igjen om litt.")]
    [InlineData("nn-NO", "Eg får ikkje svart på det akkurat no – prøv igjen om litt.")]
    [InlineData("en-US", "I cannot answer that right now – please try again in a moment.")]
    public async Task A_failing_turn_tells_the_user_without_leaking_details(string locale, string expected)
    {
        var azurite = await AzuriteServer.StartAsync();
        await using var connector = await ConnectorSink.StartAsync();
        await using var bot = await BotServer.StartAsync(azurite.ConnectionString);
        await azurite.DisposeAsync(); // storage goes away after start-up
        var teams = new TeamsActivities(connector.ServiceUrl);

        await bot.PostAsync(teams.InstallPersonal(locale));

        var reply = Assert.Single(connector.SentTo(teams.PersonalConversationId));
        Assert.StartsWith(expected, reply.Text);
        Assert.DoesNotContain("Exception", reply.Text);
        Assert.DoesNotContain("127.0.0.1", reply.Text);
    }
}
