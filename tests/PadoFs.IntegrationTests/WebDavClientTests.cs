using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using PadoFs.Testing;

namespace PadoFs.IntegrationTests;

/// <summary>
/// Given the shared slides served by <c>padofs serve</c> on loopback, WebDAV clients nobody here wrote use it: davfs2
/// mounts it and zarr-python reads through that mount exactly; litmus, WebDAV's test suite, finds the server and
/// every write it tries refused with 405.
/// </summary>
[Collection(MountCollection.Name)]
[Trait("Category", "Fuse")]
[Trait("Category", "Oracles")]
public sealed partial class WebDavClientTests
{
    private static readonly string[] s_litmusSuites = ["basic", "copymove", "props", "locks", "http"];

    [Fact]
    public async Task Davfs2_mounts_the_server_lists_it_and_zarr_python_reads_a_slide_through_it_exactly()
    {
        using var daemon = MountedDaemon.Serve(SharedSlideMountTests.AllSharedSlides());
        using var dav = DavfsMount.Mount(daemon.HttpAddress!);

        var top = Directory.GetFileSystemEntries(dav.MountPoint).Select(Path.GetFileName).ToList();
        foreach (var slide in SharedSlideMountTests.GoodSlides)
        {
            Assert.Contains(slide + ".zarr", top);
        }

        var zarray = dav.PathOf("tcga-cr-7395.svs.zarr/0/.zarray");
        using (var served = new HttpClient())
        {
            Assert.Equal(await served.GetByteArrayAsync(daemon.UrlOf("tcga-cr-7395.svs.zarr/0/.zarray")), await File.ReadAllBytesAsync(zarray));
        }

        using var result = JsonDocument.Parse(Python.RunOracle("zarr_vs_reference.py", dav.PathOf("tcga-cr-7395.svs.zarr"), SharedSlides.PathOf("tcga-cr-7395.svs"), "pado"));
        var levels = result.RootElement.GetProperty("levels").EnumerateObject().ToList();
        Assert.Equal(2, levels.Count);
        Assert.All(levels, level => Assert.True(level.Value.GetProperty("differing_samples").GetInt64() == 0, $"level {level.Name} through davfs2: {level.Value}"));
    }

    /// <summary>
    /// litmus's suites each start by making a collection of their own (MKCOL /litmus/); a read-only server refuses it,
    /// so of each suite litmus runs its init and begin only, and stops there. What must hold: init passes, begin fails
    /// for the 405 alone, every request litmus sent got 405 with the Allow header, and the server serves on.
    /// </summary>
    [Fact]
    public async Task Litmus_finds_the_server_and_every_write_it_tries_is_refused_with_405()
    {
        using var daemon = MountedDaemon.Serve(SharedSlideMountTests.AllSharedSlides());
        using var work = new TemporaryDirectory();

        var output = RunLitmus(daemon.HttpAddress!, work.Path);

        foreach (var suite in s_litmusSuites)
        {
            var report = Regex.Match(output, $@"-> running `{suite}':\n(.*?)<- summary for `{suite}': of (\d+) tests run: (\d+) passed", RegexOptions.Singleline);
            Assert.True(report.Success, $"litmus ran no {suite} suite:\n{output}");
            Assert.Matches(@"0\. init\.+ pass", report.Groups[1].Value);
            Assert.Matches(@"1\. begin\.+ FAIL \(Could not create new collection `/litmus/' for tests: 405 Method Not Allowed", report.Groups[1].Value);
            Assert.Equal(("2", "1"), (report.Groups[2].Value, report.Groups[3].Value));
        }

        var trace = await File.ReadAllTextAsync(Path.Combine(work.Path, "debug.log"));
        var requests = RequestLine().Matches(trace).Select(match => match.Groups[1].Value).ToList();
        var statuses = StatusLine().Matches(trace).Select(match => match.Groups[1].Value).ToList();
        Assert.NotEmpty(requests);
        Assert.All(requests, method => Assert.Contains(method, new[] { "MKCOL", "DELETE" }));
        Assert.Equal(requests.Count, statuses.Count);
        Assert.All(statuses, status => Assert.Equal("405", status));
        Assert.Equal(requests.Count, Regex.Count(trace, @"\[hdr\] Allow: GET, HEAD, OPTIONS, PROPFIND"));

        using var client = new HttpClient { BaseAddress = daemon.HttpAddress };
        using var afterwards = await client.GetAsync("boxes.tiff.zarr/0/.zarray");
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
        Assert.False(daemon.Process.HasExited);
    }

    private static string RunLitmus(Uri url, string workingDirectory)
    {
        var start = new ProcessStartInfo("litmus")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--keep-going");
        start.ArgumentList.Add(url.ToString());
        start.Environment["TESTS"] = string.Join(' ', s_litmusSuites);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start litmus.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("litmus did not finish in 2 minutes.");
        }

        // litmus prints each test's name, returns the carriage, then prints it again with the result.
        return Regex.Replace(stdout.Result + stderr.Result, @"[^\n]*\r", string.Empty);
    }

    [GeneratedRegex(@"^([A-Z]+) /\S* HTTP/1\.1\r?$", RegexOptions.Multiline)]
    private static partial Regex RequestLine();

    [GeneratedRegex(@"\[status-line\] < HTTP/1\.1 (\d{3}) ")]
    private static partial Regex StatusLine();
}
