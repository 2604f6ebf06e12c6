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
    }
}
