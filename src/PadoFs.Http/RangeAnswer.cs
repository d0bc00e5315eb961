namespace PadoFs.Http;

/// <summary>What a <c>Range</c> header asks of a file.</summary>
internal enum RangeAnswer
{
    Whole,
    Part,
    Unsatisfiable,
}
