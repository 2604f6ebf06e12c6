using CareCompanion.Storage.Conversations;
using CareCompanion.Tests.Support;
using Xunit.Abstractions;

namespace CareCompanion.Tests.EndToEnd;

/// <summary>
/// The whole stack as a person meets it: Azurite, the bot on Kestrel, and Microsoft's Teams emulator driven in
/// headless Chromium. The playground speaks en-US, so the bot answers in English.
/// </summary>
public sealed class PlaygroundTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Help_in_the_playgrounds_personal_chat_shows_the_welcome_card()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        await using var bot = await BotServer.StartAsync(azurite.ConnectionString, port: ChildProcess.FreePort());
        await using var playground = await AgentsPlayground.StartAsync(bot.MessagesUrl);
        var screenshot = Path.Combine(RepoPaths.Results("e2e"), "playground-help.png");

        var (exitCode, log) = await ChildProcess.RunAsync("node",
            [RepoPaths.Script("playground-help.mjs"), playground.Url, "help", "Hi, I'm CareCompanion", screenshot],
            TimeSpan.FromMinutes(2));

        output.WriteLine(log);
        Assert.True(exitCode == 0, $"The welcome card did not appear after 'help'.\n{log}\nPlayground:\n{playground.Output}");
        Assert.Contains("Never write patient information here.", log);
        Assert.True(File.Exists(screenshot));

        // The playground announced the install on connect: its personal chat is now a stored conversation.
        var stored = await bot.Get<ConversationRepository>().ListForTenantAsync(PlaygroundTenantId);
        Assert.Contains(stored, c => c.Scope == ConversationScope.Personal && c.Active);
    }

    // The tenant id in the playground's default configuration.
    private const string PlaygroundTenantId = "00000000-0000-0000-0000-0000000000001";
}
