using System.Text.Json;
using System.Text.Json.Nodes;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Localization;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Manifest;

/// <summary>The Teams app package: valid against Microsoft's schemas, icons as Teams wants them, and every command it lists answered.</summary>
[Collection(BotCollection.Name)]
public sealed class ManifestTests(BotFixture fixture)
{
    private const string TestAppId = "6a7d2c1e-0b7e-4f7e-9d0e-2b9f3c1a5e11";
    private static string ManifestDir => Path.Combine(RepoPaths.Root, "Manifest");

    /// <summary>The package as Manifest/package.sh lays it out, in a temp folder, with <paramref name="change"/> applied to the manifest.</summary>
    private static async Task<Dictionary<string, string[]>> ValidateAsync(Action<JsonObject>? change = null, bool shrinkColorIcon = false,
        bool opaqueOutline = false)
    {
        var dir = Directory.CreateTempSubdirectory("manifest-").FullName;
        try
        {
            var text = (await File.ReadAllTextAsync(Path.Combine(ManifestDir, "manifest.json")))
                .Replace("${BOT_ID}", TestAppId).Replace("${BOT_DOMAIN}", "carecompanion.example.no");
            var manifest = JsonNode.Parse(text)!.AsObject();
            change?.Invoke(manifest);
            await File.WriteAllTextAsync(Path.Combine(dir, "manifest.json"), manifest.ToJsonString());
            foreach (var file in new[] { "nn-NO.json", "en-US.json" }) File.Copy(Path.Combine(ManifestDir, file), Path.Combine(dir, file));
            File.Copy(Path.Combine(ManifestDir, "icons", shrinkColorIcon ? "outline.png" : "color.png"), Path.Combine(dir, "color.png"));
            if (opaqueOutline) await File.WriteAllBytesAsync(Path.Combine(dir, "outline.png"), OpaquePng.White(32));
            else File.Copy(Path.Combine(ManifestDir, "icons", "outline.png"), Path.Combine(dir, "outline.png"));
            return await ValidateFolderAsync(dir);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Tests/js/validate-manifest.mjs on a folder holding a package's files: the errors per file.</summary>
    private static async Task<Dictionary<string, string[]>> ValidateFolderAsync(string dir)
    {
        var (exitCode, output) = await ChildProcess.RunAsync("node", [RepoPaths.Script("validate-manifest.mjs"), dir], TimeSpan.FromMinutes(1));
        Assert.True(exitCode == 0, output);
        return JsonSerializer.Deserialize<Dictionary<string, string[]>>(output.Split('\n').Last(l => l.StartsWith('{')))!;
    }

    /// <summary>The Agents Toolkit CLI's manifest validation (schema and its validation rules), which needs no sign-in.</summary>
    private static Task<(int ExitCode, string Output)> ToolkitValidateAsync(string manifest) =>
        ChildProcess.RunAsync(RepoPaths.NodeBin("atk"), ["validate", "--manifest-file", manifest, "--interactive", "false", "--telemetry", "false"],
            TimeSpan.FromMinutes(2));

    [Fact]
    public async Task The_manifest_and_its_localizations_validate_against_the_official_schemas()
    {
        var results = await ValidateAsync();

        Assert.Equal(["color.png", "en-US.json", "manifest.json", "nn-NO.json", "outline.png"], results.Keys.Order());
        Assert.All(results, r => Assert.True(r.Value.Length == 0, $"{r.Key}: {string.Join("; ", r.Value)}"));
    }

    [Fact]
    public async Task The_validator_catches_a_broken_manifest_a_wrong_icon_and_a_domain_with_a_scheme()
    {
        var results = await ValidateAsync(m =>
        {
            m.Remove("accentColor");
            m["validDomains"] = new JsonArray("https://carecompanion.example.no/");
        }, shrinkColorIcon: true, opaqueOutline: true);

        Assert.Contains(results["manifest.json"], e => e.Contains("accentColor"));
        Assert.Contains(results["manifest.json"], e => e.Contains("\"https://carecompanion.example.no/\" is not a bare host name"));
        Assert.Contains(results["manifest.json"], e => e.Contains("validDomains lacks the bot's domain carecompanion.example.no"));
        Assert.Contains(results["color.png"], e => e.Contains("192x192"));
        Assert.Contains(results["outline.png"], e => e.Contains("transparent background"));
    }

    [Fact]
    public async Task The_zip_package_sh_builds_passes_the_offline_checks_and_the_Agents_Toolkit_validation()
    {
        var (built, log) = await RunPackageAsync(Path.Combine(ManifestDir, "package.sh"), botId: TestAppId, domain: "carecompanion.example.no");
        Assert.True(built == 0, log);
        var dir = Directory.CreateTempSubdirectory("package-").FullName;
        System.IO.Compression.ZipFile.ExtractToDirectory(Path.Combine(RepoPaths.Root, "artifacts", "carecompanion-teams-app.zip"), dir);

        var results = await ValidateFolderAsync(dir);
        var (toolkit, said) = await ToolkitValidateAsync(Path.Combine(dir, "manifest.json"));

        Assert.Equal(["color.png", "en-US.json", "manifest.json", "nn-NO.json", "outline.png"], results.Keys.Order());
        Assert.All(results, r => Assert.True(r.Value.Length == 0, $"{r.Key}: {string.Join("; ", r.Value)}"));
        Assert.True(toolkit == 0, said);
        Assert.Contains("completed checking your app package against validation rules. All passed.", said);
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public async Task The_Agents_Toolkit_validation_fails_a_manifest_Teams_would_refuse()
    {
        var dir = Directory.CreateTempSubdirectory("package-").FullName;
        var text = (await File.ReadAllTextAsync(Path.Combine(ManifestDir, "manifest.json")))
            .Replace("${BOT_ID}", "not-a-guid").Replace("${BOT_DOMAIN}", "carecompanion.example.no");
        await File.WriteAllTextAsync(Path.Combine(dir, "manifest.json"), text);
        foreach (var file in new[] { "nn-NO.json", "en-US.json" }) File.Copy(Path.Combine(ManifestDir, file), Path.Combine(dir, file));

        var (toolkit, said) = await ToolkitValidateAsync(Path.Combine(dir, "manifest.json"));

        Assert.NotEqual(0, toolkit);
        Assert.Contains("/bots/0/botId must match pattern", said);
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public async Task The_package_command_refuses_to_guess_the_app_id_and_builds_the_zip_when_given_one()
    {
        var script = Path.Combine(ManifestDir, "package.sh");

        var (refused, why) = await RunPackageAsync(script, botId: "", domain: "carecompanion.example.no");
        var (built, log) = await RunPackageAsync(script, botId: TestAppId, domain: "carecompanion.example.no");

        Assert.Equal(2, refused);
        Assert.Contains("set BOT_ID (or MicrosoftAppId) to the bot's Entra app id", why);
        Assert.True(built == 0, log);
        using var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(RepoPaths.Root, "artifacts", "carecompanion-teams-app.zip"));
        Assert.Equal(["color.png", "en-US.json", "manifest.json", "nn-NO.json", "outline.png"], zip.Entries.Select(e => e.Name).Order());
        using var manifest = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var packaged = JsonNode.Parse(await manifest.ReadToEndAsync())!;
        Assert.Equal(TestAppId, packaged["id"]!.GetValue<string>());
        Assert.Equal("carecompanion.example.no", packaged["validDomains"]![0]!.GetValue<string>());
    }

    private static async Task<(int ExitCode, string Output)> RunPackageAsync(string script, string botId, string domain)
    {
        await using var process = ChildProcess.Start("bash", [script], environment: new Dictionary<string, string>
        {
            ["BOT_ID"] = botId, ["MicrosoftAppId"] = "", ["BOT_DOMAIN"] = domain,
        });
        return await process.WaitForExitAsync(TimeSpan.FromMinutes(3));
    }

    public static TheoryData<string, int, string> ListedCommands()
    {
        var data = new TheoryData<string, int, string>();
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestDir, "manifest.json")))!;
        var lists = manifest["bots"]![0]!["commandLists"]!.AsArray();
        for (var i = 0; i < lists.Count; i++)
        {
            foreach (var command in lists[i]!["commands"]!.AsArray()) data.Add(command!["title"]!.GetValue<string>(), i, "nb-NO");
        }
        foreach (var (file, locale) in new[] { ("nn-NO.json", "nn-NO"), ("en-US.json", "en-US") })
        {
            foreach (var (key, value) in JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestDir, file)))!.AsObject())
            {
                if (key.EndsWith(".title") && key.StartsWith("bots[0].commandLists["))
                {
                    data.Add(value!.GetValue<string>(), key["bots[0].commandLists[".Length] - '0', locale);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ListedCommands))]
    public async Task Every_command_the_manifest_lists_is_one_the_bot_answers(string command, int commandList, string locale)
    {
        var teams = fixture.Activities();
        await fixture.Bot.PostAsync(teams.InstallInTeam(locale));
        var inChannel = commandList != 0; // lists: 0 personal, 1 team, 2 group chat (answered the same way as in a channel)
        var conversation = inChannel ? teams.GeneralChannelId : teams.PersonalConversationId;
        var before = fixture.Connector.SentTo(conversation).Count;

        await fixture.Bot.PostAsync(inChannel ? teams.ChannelMessage(command, locale) : teams.PersonalMessage(command, locale));

        var replies = fixture.Connector.SentTo(conversation);
        Assert.True(replies.Count > before, $"no reply to '{command}'");
        var reply = replies.Last();
        var unknown = Enum.GetValues<Language>().Select(l => Texts.For(l)["command.unknown"]);
        Assert.DoesNotContain(reply.Text ?? "", unknown);
    }

    /// <summary>Teams shows at most ten commands per list (personal, team, group chat).</summary>
    private const int MaxCommandsPerList = 10;

    [Fact]
    public async Task Every_routed_command_is_in_the_help_card_and_in_the_manifest_unless_its_lists_are_full()
    {
        var t = Texts.For(Language.Bokmal);
        var teams = fixture.Activities();
        await fixture.Bot.PostAsync(teams.InstallPersonal());
        await fixture.Bot.PostAsync(teams.PersonalMessage("hjelp"));
        var help = fixture.Connector.SentTo(teams.PersonalConversationId)[^1].CardText;
        var lists = JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestDir, "manifest.json")))!["bots"]![0]!["commandLists"]!.AsArray()
            .Select(list => list!["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()).ToList()).ToList();
        var commands = fixture.Bot.Get<Dispatcher>().All.Where(r => r.Kind == RouteKind.Command).ToList();

        Assert.NotEmpty(commands);
        Assert.All(commands, route =>
        {
            var words = CommandWords.Of(t, route.Key);
            Assert.Contains($"**{CommandWords.Shown(t, route.Key)}**", help);
            var listed = lists.Any(list => list.Any(title => words.Contains(CommandWords.Normalize(title))));
            Assert.True(listed || lists.Take(2).All(list => list.Count == MaxCommandsPerList),
                $"'{CommandWords.Shown(t, route.Key)}' is routed but not in the manifest, and its command lists have room for it");
        });
    }
}
