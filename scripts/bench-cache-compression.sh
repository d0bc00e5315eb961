#!/usr/bin/env bash
# Measures whether LZ4-compressing decoded chunks in the cache would pay (BenchmarkDotNet): the cost of a
# decompress on every hit and a compress on every miss, against decoding the JPEG tile again and a plain
# copy, and the memory it would save.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
dotnet run --project benchmarks/PadoFs.Benchmarks --configuration Release -- --filter '*CachedChunkCompression*' "$@"
