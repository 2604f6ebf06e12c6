using System.Text.Json.Nodes;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Toolkit;

/// <summary>
/// The Microsoft 365 Agents Toolkit project files (m365agents.yml, m365agents.local.yml, env/) as the toolkit's CLI
/// loads them: valid against the YAML schema the CLI ships for their version, every variable they use declared in the
/// environment's file, every file they name present.
/// </summary>
public sealed class ToolkitProjectTests
{
    private static async Task<(string Schema, string[] Errors)> CheckAsync(string file, string environment)
    {
        var (exitCode, output) = await ChildProcess.RunAsync("node",
            [RepoPaths.Script("validate-toolkit-yaml.mjs"), RepoPaths.Root, file, environment], TimeSpan.FromMinutes(1));
        Assert.True(exitCode == 0, output);
        var result = JsonNode.Parse(output.Split('\n').Last(l => l.StartsWith('{')))!;
        return (result["schema"]!.GetValue<string>(), [.. result["errors"]!.AsArray().Select(e => e!.GetValue<string>())]);
    }

    [Theory]
    [InlineData("m365agents.yml", "dev")]
    [InlineData("m365agents.local.yml", "local")]
    public async Task The_project_file_is_valid_against_the_schema_the_toolkit_CLI_ships(string file, string environment)
    {
        var (schema, errors) = await CheckAsync(file, environment);

        Assert.Equal("node_modules/@microsoft/m365agentstoolkit-cli/resource/yaml-schema/v1.13/yaml.schema.json", schema);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_check_refuses_an_action_the_toolkit_would_refuse_and_a_variable_no_environment_declares()
    {
        var broken = Path.Combine(Directory.CreateTempSubdirectory("toolkit-").FullName, "m365agents.yml");
        var text = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "m365agents.yml"));
        await File.WriteAllTextAsync(broken, text
            .Replace("    writeToEnvironmentFile:\n      teamsAppId: TEAMS_APP_ID\n", "")
            .Replace("${{BOT_AZURE_APP_SERVICE_RESOURCE_ID}}", "${{APP_SERVICE_ID}}"));

        var (_, errors) = await CheckAsync(broken, "dev");

        Assert.Contains(errors, e => e.Contains("writeToEnvironmentFile"));
        Assert.Contains(errors, e => e.Contains("${{APP_SERVICE_ID}} is not declared in env/.env.dev"));
    }
}
