namespace PadoFs.Mount.Session;

/// <summary>An adapter that stopped serving without being asked to, and why.</summary>
public sealed record AdapterEnding(IMountAdapter Adapter, string Reason);
