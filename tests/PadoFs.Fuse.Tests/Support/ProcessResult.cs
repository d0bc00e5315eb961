namespace PadoFs.Fuse.Tests.Support;

/// <summary>What a finished command printed and returned.</summary>
internal sealed record ProcessResult(int ExitCode, string Output, string Error);
