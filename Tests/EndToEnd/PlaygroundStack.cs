using CareCompanion.Storage.Conversations;
using CareCompanion.Tests.Support;
using Xunit.Abstractions;

namespace CareCompanion.Tests.EndToEnd;

/// <summary>
/// One end-to-end test's stack: Azurite, the bot on Kestrel and Microsoft's Teams emulator pointed at it; and the
/// browser scripts (Tests/js) that drive the emulator, each started with the playground's address first and its
/// screenshot (Results/e2e/&lt;script&gt;.png) last.
/// </summary>
public sealed class PlaygroundStack : IAsyncDisposable
{
    // The playground's default configuration: its tenant and its user (Alex Wilber, who installs the app in the team).
    public const string TenantId = "00000000-0000-0000-0000-0000000000001";
    public const string UserAadObjectId = "00000000-0000-0000-0000-0000000000020";
    public const string UserId = "user-id-0";

    private readonly AzuriteServer _azurite;
    private readonly ITestOutputHelper _output;
    private readonly string _files = Directory.CreateTempSubdirectory("playground-e2e-").FullName;

    private PlaygroundStack(AzuriteServer azurite, BotServer bot, AgentsPlayground playground, ITestOutputHelper output) =>
        (_azurite, Bot, Playground, _output) = (azurite, bot, playground, output);

    public BotServer Bot { get; }
    public AgentsPlayground Playground { get; }

    /// <param name="clock">A fake clock: the bot's background loops are off and the test runs the jobs.</param>
    public static async Task<PlaygroundStack> StartAsync(ITestOutputHelper output, TimeProvider? clock = null, IDictionary<string, string?>? settings = null)
    {
        var azurite = await AzuriteServer.StartAsync();
        var bot = await BotServer.StartAsync(azurite.ConnectionString, port: ChildProcess.FreePort(), settings: settings, clock: clock);
        var playground = await AgentsPlayground.StartAsync(bot.MessagesUrl);
        return new PlaygroundStack(azurite, bot, playground, output);
    }

    /// <summary>A file the test and a script signal each other with ("ready", "go"); it does not exist until written.</summary>
    public string File(string name) => Path.Combine(_files, name);

    public static string Screenshot(string script) => Path.Combine(RepoPaths.Results("e2e"), Path.ChangeExtension(script, ".png"));

    /// <summary>Starts a script in headless Chromium: node &lt;script&gt; &lt;playground url&gt; &lt;arguments&gt; &lt;screenshot&gt;.</summary>
    public PlaygroundScript Start(string script, params string[] arguments) => Start(script, TimeSpan.FromMinutes(3), arguments);

    public PlaygroundScript Start(string script, TimeSpan timeout, params string[] arguments) => new(
        ChildProcess.RunAsync("node", [RepoPaths.Script(script), Playground.Url, .. arguments, Screenshot(script)], timeout), this);

    /// <summary>Runs a script to its end and asserts that it finished; returns what it printed.</summary>
    public Task<string> DriveAsync(string script, string failure, params string[] arguments) => Start(script, arguments).FinishAsync(failure);

    /// <summary>The team channel's conversation, once the playground has installed the bot in its team.</summary>
    public Task<StoredConversation> ChannelAsync() => ConversationAsync(c => c.Scope == ConversationScope.Channel && c.TeamId is not null);

    /// <summary>The playground user's personal chat, stored when the playground connects.</summary>
    public Task<StoredConversation> PersonalChatAsync() => ConversationAsync(c => c.Scope == ConversationScope.Personal && c.Active);

    private async Task<StoredConversation> ConversationAsync(Func<StoredConversation, bool> wanted)
    {
        var conversations = Bot.Get<ConversationRepository>();
        for (var i = 0; i < 300; i++) // up to 30 s: the whole suite runs in parallel on two cores
        {
            if ((await conversations.ListForTenantAsync(TenantId)).FirstOrDefault(wanted) is { } found) return found;
            await Task.Delay(100);
        }
        var seen = string.Join("; ", (await conversations.ListForTenantAsync(TenantId)).Select(c => $"{c.Scope} {c.ConversationId} team={c.TeamId}"));
        throw new TimeoutException($"The playground never made the conversation. Conversations: {seen}");
    }

    public async ValueTask DisposeAsync()
    {
        await Playground.DisposeAsync();
        await Bot.DisposeAsync();
        await _azurite.DisposeAsync();
        Directory.Delete(_files, recursive: true);
    }

    /// <summary>A running browser script.</summary>
    public sealed class PlaygroundScript(Task<(int ExitCode, string Output)> run, PlaygroundStack stack)
    {
        public bool HasEnded => run.IsCompleted;

        /// <summary>Waits until the script has written the file (or has ended, or the time is up: its end says why).</summary>
        public async Task WaitForFileAsync(string path, TimeSpan? timeout = null)
        {
            var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
            while (!System.IO.File.Exists(path) && !run.IsCompleted && DateTime.UtcNow < until) await Task.Delay(100);
        }

        /// <summary>Waits for the script to end and asserts that it finished; returns what it printed.</summary>
        public async Task<string> FinishAsync(string failure)
        {
            var (exitCode, log) = await run;
            stack._output.WriteLine(log);
            Assert.True(exitCode == 0, $"{failure}\n{log}\nPlayground:\n{stack.Playground.Output}");
            return log;
        }
    }
}
