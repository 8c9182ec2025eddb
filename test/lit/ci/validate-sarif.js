// Validates SARIF files against the SARIF 2.1.0 JSON schema with ajv.
//   node validate-sarif.js NODE_MODULES SCHEMA FILE...
// NODE_MODULES and SCHEMA come from the npm packages scripts/bootstrap.sh
// --tests installs into the build directory (nothing is vendored here).
"use strict";
const fs = require("fs");
const path = require("path");

const [modules, schemaPath, ...files] = process.argv.slice(2).map((a) => path.resolve(a));
const Ajv = require(path.join(modules, "ajv"));
// The schema is draft-04, which ajv 6 knows by its meta-schema.
const ajv = new Ajv({ schemaId: "id", allErrors: true, format: "full", logger: false });
ajv.addMetaSchema(require(path.join(modules, "ajv", "lib", "refs", "json-schema-draft-04.json")));
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));

let failed = false;
for (const file of files) {
  let log;
  try {
    log = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    console.error(`${file}: not JSON: ${e.message}`);
    failed = true;
    continue;
  }
  if (validate(log)) {
    console.log(`${file}: valid SARIF 2.1.0`);
  } else {
    console.error(`${file}: invalid SARIF 2.1.0: ${ajv.errorsText(validate.errors)}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
