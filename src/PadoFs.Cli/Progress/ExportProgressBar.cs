using System.Diagnostics;
using System.Globalization;
using PadoFs.Zarr.Export;

namespace PadoFs.Cli.Progress;

/// <summary>
/// Shows an export's progress on stderr: a bar redrawn a few times a second on a terminal, a line per tenth
/// when stderr is a file or pipe, so logs stay readable.
/// </summary>
internal sealed class ExportProgressBar : IProgress<ExportProgress>
{
    private const int BarWidth = 30;
    private static readonly long s_redrawTicks = Stopwatch.Frequency / 5;

    private readonly Lock _lock = new();
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private long _lastDraw;
    private int _lastTenth = -1;

    public void Report(ExportProgress value)
    {
        lock (_lock)
        {
            var done = value.KeysWritten == value.TotalKeys;
            if (_interactive)
            {
                var now = Stopwatch.GetTimestamp();
                if (!done && now - _lastDraw < s_redrawTicks)
                {
                    return;
                }

                _lastDraw = now;
                Console.Error.Write('\r' + Describe(value, bar: true) + (done ? Environment.NewLine : string.Empty));
            }
            else
            {
                var tenth = value.TotalBytes == 0 ? 10 : (int)(value.BytesWritten * 10 / value.TotalBytes);
                if (tenth > _lastTenth)
                {
                    _lastTenth = tenth;
                    Console.Error.WriteLine(Describe(value, bar: false));
                }
            }
        }
    }

    private string Describe(ExportProgress value, bool bar)
    {
        var fraction = value.TotalBytes == 0 ? 1.0 : (double)value.BytesWritten / value.TotalBytes;
        var seconds = Math.Max(Stopwatch.GetElapsedTime(_started).TotalSeconds, 1e-3);
        var megabytes = value.BytesWritten / 1e6;
        var filled = (int)(fraction * BarWidth);
        var drawn = bar ? "[" + new string('#', filled) + new string('.', BarWidth - filled) + "] " : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"{drawn}{fraction * 100,3:0}%  {value.KeysWritten}/{value.TotalKeys} files  {megabytes:0.0} MB  {megabytes / seconds:0.0} MB/s");
    }
}
