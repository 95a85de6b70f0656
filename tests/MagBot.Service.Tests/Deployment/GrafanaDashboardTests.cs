using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using MagBot.Dialogs.Telemetry;
using MagBot.Dialogs.Topics;
using MagBot.Service.Tests.Support;
using Newtonsoft.Json.Linq;

namespace MagBot.Service.Tests.Deployment;

/// <summary>deployment/grafana/magbot-dashboard.json: importable, on a Prometheus data source, and every MagBot series it
/// queries is one the meter exports (a renamed instrument would otherwise leave an empty panel nobody notices).</summary>
public sealed partial class GrafanaDashboardTests
{
    private static JObject Dashboard() =>
        JObject.Parse(File.ReadAllText(Path.Combine(NodeTools.RepositoryRoot(), "deployment", "grafana", "magbot-dashboard.json")));

    [Fact]
    public void Every_MagBot_series_the_dashboard_queries_is_exported_by_the_meter()
    {
        var exported = ExportedSeries();
        var queried = Dashboard().SelectTokens("$..expr").Select(e => (string)e!).SelectMany(e => SeriesName().Matches(e).Select(m => m.Value)).ToHashSet();

        Assert.NotEmpty(queried);
        Assert.All(queried, name => Assert.True(exported.Contains(name), $"the dashboard queries {name}, which the meter does not export ({string.Join(", ", exported.Order())})"));
        // The funnel, where people leave, alarms and feedback each have a panel.
        Assert.Contains("magbot_welcomes_total", queried);
        Assert.Contains("magbot_topics_abandoned_total", queried);
        Assert.Contains("magbot_safety_alarms_total", queried);
        Assert.Contains("magbot_feedback_total", queried);
        Assert.Contains("magbot_turn_duration_seconds_bucket", queried);
    }

    [Fact]
    public void Every_panel_reads_the_Prometheus_data_source_chosen_at_import()
    {
        var dashboard = Dashboard();
        Assert.Equal("DS_PROMETHEUS", (string?)dashboard["__inputs"]?[0]?["name"]);
        var panels = dashboard["panels"]!.Children<JObject>().Where(p => (string?)p["type"] != "row").ToList();
        Assert.NotEmpty(panels);
        Assert.All(panels, p => Assert.Equal("${DS_PROMETHEUS}", (string?)p["datasource"]?["uid"]));
        Assert.Equal(panels.Count, panels.Select(p => (int)p["id"]!).Distinct().Count());
    }

    /// <summary>The Prometheus names of the meter's instruments, as the OpenTelemetry Prometheus exporter writes them.</summary>
    private static HashSet<string> ExportedSeries()
    {
        using var metrics = new ConversationMetrics(null, new TopicCatalog());
        var names = new HashSet<string>(StringComparer.Ordinal);
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter != metrics.Meter) return;
                var name = instrument.Name.Replace('.', '_') + (instrument.Unit == "s" ? "_seconds" : "");
                if (instrument is Histogram<double>) names.UnionWith([name + "_bucket", name + "_count", name + "_sum"]);
                else names.Add(name + "_total");
            },
        };
        listener.Start();
        return names;
    }

    [GeneratedRegex(@"\bmagbot_[a-z_]+")]
    private static partial Regex SeriesName();
}
