using System.Reflection;
using System.Text.Json.Nodes;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Infra;

/// <summary>infra/main.bicep compiles with the real Bicep CLI and declares what a municipality's deployment needs.</summary>
public sealed class BicepTests
{
    private static string BicepCli =>
        typeof(BicepTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepCli").Value!;

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // the Bicep CLI package here is the linux-x64 one
    public async Task The_deployment_template_compiles_without_warnings_and_has_every_part()
    {
        File.SetUnixFileMode(BicepCli, File.GetUnixFileMode(BicepCli) | UnixFileMode.UserExecute); // NuGet does not keep the exec bit

        var (exitCode, output) = await ChildProcess.RunAsync(BicepCli,
            ["build", Path.Combine(RepoPaths.Root, "infra", "main.bicep"), "--stdout"], TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("Warning", output);
        var template = JsonNode.Parse(output[output.IndexOf('{')..])!;
        var types = template["resources"]!.AsArray().Select(r => r!["type"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            "Microsoft.ManagedIdentity/userAssignedIdentities", "Microsoft.Storage/storageAccounts", "Microsoft.KeyVault/vaults",
            "Microsoft.Insights/components", "Microsoft.Web/serverfarms", "Microsoft.Web/sites",
            "Microsoft.BotService/botServices", "Microsoft.BotService/botServices/channels",
        }, types);
        Assert.Equal("norwayeast", template["parameters"]!["location"]!["defaultValue"]!.GetValue<string>());
        Assert.Contains("MsTeamsChannel", output);
        var site = template["resources"]!.AsArray().Single(r => r!["type"]!.GetValue<string>() == "Microsoft.Web/sites")!["properties"]!["siteConfig"]!;
        Assert.Equal("/readyz", site["healthCheckPath"]!.GetValue<string>());
        var telemetry = site["appSettings"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "APPLICATIONINSIGHTS_CONNECTION_STRING")!;
        Assert.Contains("Microsoft.Insights/components", telemetry["value"]!.GetValue<string>());
        Assert.Contains(".ConnectionString", telemetry["value"]!.GetValue<string>());
        // What m365agents.yml's arm/deploy writes to env/.env.dev, and its zipDeploy and package steps read.
        Assert.Superset(new HashSet<string> { "BOT_ID", "BOT_DOMAIN", "BOT_AZURE_APP_SERVICE_RESOURCE_ID", "BOT_AZURE_APP_SERVICE_NAME" },
            template["outputs"]!.AsObject().Select(o => o.Key).ToHashSet());
    }

    [Fact]
    public void The_toolkit_parameters_file_names_every_parameter_without_a_default_and_nothing_else()
    {
        var bicep = File.ReadAllLines(Path.Combine(RepoPaths.Root, "infra", "main.bicep"));
        var declared = bicep.Where(l => l.StartsWith("param ")).Select(l => l.Split(' ')[1]).ToHashSet();
        var required = bicep.Where(l => l.StartsWith("param ") && !l.Contains(" = ")).Select(l => l.Split(' ')[1]);
        var given = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "infra", "main.parameters.json")))!["parameters"]!
            .AsObject().Select(p => p.Key).ToList();

        Assert.Superset(required.ToHashSet(), given.ToHashSet());
        Assert.Subset(declared, given.ToHashSet());
    }
}
