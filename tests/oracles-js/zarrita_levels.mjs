// Reads every level of a zarr slide group (v2 or v3) with zarrita, as a browser viewer would, and writes each
// level's samples to a file, so that an independent reader of the slide can compare them.
//
// usage: node zarrita_levels.mjs GROUP OUTDIR [--consolidated]
// The levels are the multiscales' datasets (under "ome" in OME-NGFF 0.5). With --consolidated the group is opened
// through its consolidated metadata (.zmetadata in v2, the root zarr.json's consolidated_metadata in v3).
// Prints one JSON object: the nodes the consolidated metadata lists (with --consolidated; null without), and per
// level its shape, data type and the file holding its samples in C order.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import FileSystemStore from "@zarrita/storage/fs";
import * as zarr from "zarrita";

const [groupPath, outDir, ...flags] = process.argv.slice(2);
const consolidated = flags.includes("--consolidated");

let store = new FileSystemStore(groupPath);
let contents = null;
if (consolidated) {
  store = await zarr.withConsolidatedMetadata(store, { format: ["v3", "v2"] });
  contents = store.contents().map((node) => `${node.kind} ${node.path}`).sort();
}

const group = await zarr.open(store, { kind: "group" });
const multiscales = group.attrs.ome?.multiscales ?? group.attrs.multiscales;
const levels = {};
for (const dataset of multiscales[0].datasets) {
  const array = await zarr.open(group.resolve(dataset.path), { kind: "array" });
  const chunk = await zarr.get(array);
  const file = join(outDir, `level-${dataset.path}.bin`);
  await writeFile(file, new Uint8Array(chunk.data.buffer, chunk.data.byteOffset, chunk.data.byteLength));
  levels[dataset.path] = { shape: chunk.shape, dtype: array.dtype, file };
}

console.log(JSON.stringify({ contents, levels }));
