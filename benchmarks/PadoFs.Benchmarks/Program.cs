using System.Globalization;
using BenchmarkDotNet.Running;
using PadoFs.Benchmarks;

if (args is [SingleCoreDecodeRate.Command, var slide, var level])
{
    SingleCoreDecodeRate.Run(slide, int.Parse(level, CultureInfo.InvariantCulture));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
