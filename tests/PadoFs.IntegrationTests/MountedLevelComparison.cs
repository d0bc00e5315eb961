using System.Text.Json;
using PadoFs.Testing;

namespace PadoFs.IntegrationTests;

/// <summary>zarr_vs_reference.py over a slide read through a mount: every level equal to its reference reader's.</summary>
internal static class MountedLevelComparison
{
    /// <summary>Checks every level of the mounted slide <paramref name="name"/> against <paramref name="path"/>; returns the level count.</summary>
    public static int AssertEveryLevelEqualsTheReference(MountedDaemon daemon, string name, string path, string layout)
    {
        using var result = JsonDocument.Parse(Python.RunOracle("zarr_vs_reference.py", daemon.PathOf(name + ".zarr"), path, layout));
        var levels = result.RootElement.GetProperty("levels").EnumerateObject().ToList();
        Assert.Equal(levels.Count, result.RootElement.GetProperty("group_levels").GetArrayLength());
        foreach (var level in levels)
        {
            var where = $"{name} level {level.Name} ({layout})";
            Assert.Equal(level.Value.GetProperty("reference_dtype").GetString(), level.Value.GetProperty("dtype").GetString());
            Assert.Equal(
                level.Value.GetProperty("reference_shape").EnumerateArray().Select(d => d.GetInt64()),
                level.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()));
            Assert.True(level.Value.GetProperty("differing_samples").GetInt64() == 0, $"{where}: {level.Value}\n{daemon.Log}");
        }

        return levels.Count;
    }
}
