namespace PadoFs.IntegrationTests.Hostile;

/// <summary>A broken copy of a real slide: where it was written, what it was made from and how it was broken.</summary>
internal sealed record SlideMutant(string Path, string Source, string Mutation)
{
    public override string ToString() => $"{System.IO.Path.GetFileName(Path)} ({Source}: {Mutation})";
}
