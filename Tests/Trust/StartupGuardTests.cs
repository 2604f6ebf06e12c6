using CareCompanion.Bot.Hosting;
using Microsoft.Extensions.Configuration;

namespace CareCompanion.Tests.Trust;

public sealed class StartupGuardTests
{
    private static Action Build(string environment, params (string Key, string Value)[] settings) => () =>
        BotApp.Build(["--environment", environment], b => b.Configuration.AddInMemoryCollection(
            settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)).Append(KeyValuePair.Create("MicrosoftAppId", (string?)""))));

    [Fact]
    public void Production_without_an_app_id_refuses_to_start()
    {
        var error = Assert.Throws<InvalidOperationException>(Build("Production"));
        Assert.Contains("MicrosoftAppId is not configured", error.Message);
    }

    [Fact]
    public void Production_without_an_app_id_starts_only_with_the_explicit_flag()
    {
        var app = Record.Exception(Build("Production", ("Bot:AllowUnauthenticated", "true")));
        Assert.Null(app);
    }

    [Theory]
    [InlineData("WEBSITE_SITE_NAME")]
    [InlineData("CONTAINER_APP_NAME")]
    public void On_a_cloud_host_neither_Development_nor_the_flag_lets_it_start_without_an_app_id(string cloudVariable)
    {
        var error = Assert.Throws<InvalidOperationException>(Build("Development", (cloudVariable, "carecompanion-prod"), ("Bot:AllowUnauthenticated", "true")));
        Assert.Contains(cloudVariable, error.Message);
    }
}
