namespace PadoFs.Images.Sources;

/// <summary>A read found the object behind a source changed since it was opened: its bytes would mix two versions.</summary>
public sealed class ByteSourceChangedException(string name, string change)
    : IOException($"'{name}' changed since it was opened ({change}); its reads are refused rather than mixing two versions.")
{
    public string Change { get; } = change;
}
