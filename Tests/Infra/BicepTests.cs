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
        // One expression: the bot's identity settings (managed identity or shared host), the allow-list, then the rest.
        Assert.Matches(@"createObject\('name', 'APPLICATIONINSIGHTS_CONNECTION_STRING', 'value', reference\(resourceId\('Microsoft.Insights/components', variables\('names'\)\.insights\), '[0-9-]+'\)\.ConnectionString\)",
            site["appSettings"]!.GetValue<string>());
        // What m365agents.yml's arm/deploy writes to env/.env.dev, and its zipDeploy and package steps read.
        Assert.Superset(new HashSet<string> { "BOT_ID", "BOT_DOMAIN", "BOT_AZURE_APP_SERVICE_RESOURCE_ID", "BOT_AZURE_APP_SERVICE_NAME" },
            template["outputs"]!.AsObject().Select(o => o.Key).ToHashSet());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_shared_host_variant_compiles_and_registers_a_single_tenant_bot_with_its_credential_in_Key_Vault()
    {
        File.SetUnixFileMode(BicepCli, File.GetUnixFileMode(BicepCli) | UnixFileMode.UserExecute);

        var (exitCode, output) = await ChildProcess.RunAsync(BicepCli,
            ["build-params", Path.Combine(RepoPaths.Root, "infra", "shared.bicepparam"), "--stdout"], TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("Warning", output);
        var compiled = JsonNode.Parse(output[output.IndexOf('{')..])!;
        var parameters = JsonNode.Parse(compiled["parametersJson"]!.GetValue<string>())!["parameters"]!;
        Assert.Equal("sharedAppRegistration", parameters["botIdentity"]!["value"]!.GetValue<string>());
        Assert.Equal("certificate", parameters["sharedBotCredential"]!["value"]!.GetValue<string>());
        Assert.Empty(parameters["allowedTenants"]!["value"]!.AsArray()); // no ALLOWED_TENANTS: none, not one blank

        var template = compiled["templateJson"]!.GetValue<string>();
        var bot = JsonNode.Parse(template)!["resources"]!.AsArray().Single(r => r!["type"]!.GetValue<string>() == "Microsoft.BotService/botServices")!["properties"]!;
        // Azure creates no new multi-tenant bots: the shared host's bot is SingleTenant, the municipality's a managed identity.
        Assert.Equal("[if(variables('shared'), 'SingleTenant', 'UserAssignedMSI')]", bot["msaAppType"]!.GetValue<string>());
        Assert.Contains("parameters('sharedBotAppId')", bot["msaAppId"]!.GetValue<string>());
        Assert.Contains("Bot__AppCertificate", template);
        Assert.Contains("secrets/bot-certificate", template);
        Assert.Contains("Bot__AllowedTenants__", template);
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
