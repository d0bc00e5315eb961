#!/usr/bin/env bash
# Publishes padofs for the platforms built on Linux but not run here: Windows x64 (the WinFsp adapter) and
# macOS arm64. Fails if either does not build; the outputs go to artifacts/publish/RID, self-contained as a machine
# without .NET needs them, built in artifacts/publish/build so the Linux build's objects are left alone. The Wine
# test publishes win-x64 the same way, so after this script its publish has nothing left to do.
set -euo pipefail
cd "$(dirname "$0")/.."

for rid in win-x64 osx-arm64; do
  echo "publish: $rid" >&2
  dotnet publish src/PadoFs.Cli --configuration Release --runtime "$rid" --self-contained --artifacts-path artifacts/publish/build \
    --output "artifacts/publish/$rid" --verbosity quiet -nologo
done
test -f artifacts/publish/win-x64/padofs.exe
test -f artifacts/publish/win-x64/PadoFs.WinFsp.dll
test -f artifacts/publish/osx-arm64/padofs
echo "publish: win-x64 and osx-arm64 built" >&2
