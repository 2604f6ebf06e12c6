using CareCompanion.Bot.Hosting;
using CareCompanion.Bot.Roles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CareCompanion.Tests.Units;

/// <summary>Which tenants a deployment takes, and in which tenant it asks Graph, without a bot.</summary>
public sealed class SharedHostRulesTests
{
    private static Admission AdmissionWith(params (string Key, string? Value)[] settings) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value))).Build());

    [Fact]
    public void An_allow_list_takes_its_tenants_and_only_them()
    {
        var admission = AdmissionWith(("Bot:AllowedTenants:0", "melhus"), ("Bot:AllowedTenants:1", "skaun"));

        Assert.True(admission.Admits("msteams", "melhus"));
        Assert.True(admission.Admits("msteams", "skaun"));
        Assert.False(admission.Admits("msteams", "midtre-gauldal"));
        Assert.False(admission.Admits("msteams", null));
    }

    [Fact]
    public void An_empty_allow_list_setting_names_no_tenant_rather_than_shutting_every_tenant_out()
    {
        // An app setting Bot__AllowedTenants__0 left empty (infra/shared.bicepparam filters blanks, a hand edit may not).
        var admission = AdmissionWith(("Bot:AllowedTenants:0", ""), ("Bot:AllowedTenants:1", "melhus"));

        Assert.True(admission.Admits("msteams", "melhus"));
        Assert.False(admission.Admits("msteams", "skaun"));
        Assert.True(AdmissionWith(("Bot:AllowedTenants:0", " ")).Admits("msteams", "skaun"));
    }

    private static GraphCredentials Graph(string? ownTenant, bool eachTenant) => new(Options.Create(new GraphOptions
    {
        TenantId = ownTenant, EachTenant = eachTenant, ClientId = "graph-app", ClientSecret = "graph-secret",
    }));

    [Fact]
    public void A_municipalitys_own_deployment_asks_Graph_in_its_own_tenant_only()
    {
        var graph = Graph("melhus", eachTenant: false);

        Assert.NotNull(graph.For("melhus"));
        Assert.Null(graph.For("skaun"));
    }

    [Fact]
    public void A_shared_host_asks_Graph_in_each_teams_own_tenant()
    {
        var graph = Graph(null, eachTenant: true);

        Assert.NotNull(graph.For("melhus"));
        Assert.NotNull(graph.For("skaun"));
        Assert.NotSame(graph.For("melhus"), graph.For("skaun"));
        Assert.Same(graph.For("melhus"), graph.For("melhus"));
        Assert.Null(Graph(null, eachTenant: false).For("melhus")); // neither set: Graph is not configured
    }
}
