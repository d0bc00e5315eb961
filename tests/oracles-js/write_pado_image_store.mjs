// Writes a pado image store (<identifier>.image.parquet) as pado writes one, with an independent parquet writer
// (Apache Arrow JS for the table, the Rust parquet writer of parquet-wasm for the file): the pandas frame's columns
// in pado's record order with the types pyarrow gives them, the ImageId strings as the unnamed index stored as
// column __index_level_0__, the "pandas" schema metadata naming that column, pado's "pado.store.parquet.*"
// key-value metadata with JSON-encoded values, GZIP compression.
//
// usage: node write_pado_image_store.mjs SPEC.json OUT.parquet
// SPEC: {
//   "identifier": "...",                  // pado.store.parquet.identifier
//   "rows": [{"index": "ImageId('a.svs')", "urlpath": "...", "width": 1, ...}],  // record keys as pado names them
//   "types": {"bounds_x": "float64"},      // optional: a column's type as pandas would leave it (float64 for an
//                                          // integer column with missing values, "null" for a column of None)
//   "metadata": {"pado.store.parquet.store_version": "2"},  // optional: values replaced, or removed with null
//   "indexName": "__index_level_0__",      // optional: the index column's name (a named index keeps its name)
//   "pandas": true                         // optional: false leaves out the pandas schema metadata
// }
import { readFile, writeFile } from "node:fs/promises";
import {
  Field, Float64, Int64, List, Null, Schema, Table, TimestampNanosecond, Utf8, makeData, makeVector, tableToIPC,
  vectorFromArray,
} from "apache-arrow";
import * as parquet from "parquet-wasm/node";

const [specPath, outPath] = process.argv.slice(2);
const spec = JSON.parse(await readFile(specPath, "utf8"));

// pado's record keys in the order its Image.to_record() gives them, with the type pyarrow makes of each pandas column.
const columns = [
  ["width", "int64"], ["height", "int64"], ["objective_power", "string"], ["mpp_x", "float64"], ["mpp_y", "float64"],
  ["downsamples", "list<float64>"], ["vendor", "string"], ["comment", "string"], ["quickhash1", "string"],
  ["background_color", "string"], ["bounds_x", "int64"], ["bounds_y", "int64"], ["bounds_width", "int64"],
  ["bounds_height", "int64"], ["extra_json", "string"], ["size_bytes", "int64"], ["md5_computed", "string"],
  ["time_last_access", "timestamp"], ["time_last_modified", "timestamp"], ["time_status_changed", "timestamp"],
  ["urlpath", "string"], ["pado_image_backend", "string"], ["pado_image_backend_version", "string"],
];

const arrowType = (name) => {
  switch (name) {
    case "int64": return new Int64();
    case "float64": return new Float64();
    case "string": return new Utf8();
    case "null": return new Null();
    case "timestamp": return new TimestampNanosecond();
    case "list<float64>": return new List(new Field("element", new Float64(), true));
    default: throw new Error(`unknown column type ${name}`);
  }
};

const cell = (type, value) => {
  if (value === null || value === undefined) return null;
  switch (type) {
    case "int64": return BigInt(value);
    case "timestamp": return Date.parse(value); // milliseconds, which Arrow JS stores as nanoseconds
    default: return value;
  }
};

const vector = (typeName, values) => {
  const type = arrowType(typeName);
  if (typeName === "null") {
    return makeVector(makeData({ type, length: values.length, nullCount: values.length }));
  }

  return vectorFromArray(values.map((value) => cell(typeName, value)), type);
};

const indexName = spec.indexName ?? "__index_level_0__";
const rows = spec.rows;
const fields = [];
const vectors = {};
const pandasColumns = [];
for (const [name, defaultType] of columns) {
  const typeName = spec.types?.[name] ?? defaultType;
  const data = vector(typeName, rows.map((row) => row[name] ?? null));
  vectors[name] = data;
  fields.push(new Field(name, arrowType(typeName), true));
  pandasColumns.push({ name, field_name: name, pandas_type: pandasType(typeName), numpy_type: numpyType(typeName), metadata: null });
}

vectors[indexName] = vector("string", rows.map((row) => row.index));
fields.push(new Field(indexName, new Utf8(), true));
const namedIndex = indexName !== "__index_level_0__";
pandasColumns.push({ name: namedIndex ? indexName : null, field_name: indexName, pandas_type: "unicode", numpy_type: "object", metadata: null });

function pandasType(typeName) {
  return { int64: "int64", float64: "float64", string: "unicode", null: "empty", timestamp: "datetime", "list<float64>": "list[float64]" }[typeName];
}

function numpyType(typeName) {
  return { int64: "int64", float64: "float64", timestamp: "datetime64[ns]" }[typeName] ?? "object";
}

const metadata = new Map();
if (spec.pandas !== false) {
  metadata.set("pandas", JSON.stringify({
    index_columns: [indexName],
    column_indexes: [{ name: null, field_name: null, pandas_type: "unicode", numpy_type: "object", metadata: { encoding: "UTF-8" } }],
    columns: pandasColumns,
    creator: { library: "pyarrow", version: "14.0.2" },
    pandas_version: "2.1.4",
  }));
}

const prefix = "pado.store.parquet.";
const pado = {
  identifier: spec.identifier ?? "images",
  pado_version: "0.15.0",
  store_version: 1,
  store_type: "image",
  created_at: "2024-03-01T12:00:00.000000",
  created_by: "pathologist@scanner-room",
  image_provider_version: 1,
};
for (const [key, value] of Object.entries(pado)) {
  metadata.set(prefix + key, JSON.stringify(value));
}

for (const [key, value] of Object.entries(spec.metadata ?? {})) {
  if (value === null) metadata.delete(key);
  else metadata.set(key, value);
}

// The schema metadata is what pyarrow writes as the file's key-value metadata; the writer is given it as well.
const columnsTable = new Table(vectors);
const table = new Table(new Schema(columnsTable.schema.fields, metadata), columnsTable.batches);
const properties = new parquet.WriterPropertiesBuilder()
  .setCompression(parquet.Compression.GZIP)
  .setKeyValueMetadata(metadata)
  .build();
const bytes = parquet.writeParquet(parquet.Table.fromIPCStream(tableToIPC(table, "stream")), properties);
await writeFile(outPath, bytes);
